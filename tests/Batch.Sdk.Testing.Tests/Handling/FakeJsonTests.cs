using Batch.Sdk.Serialization;
using Batch.Sdk.Testing.Handling;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Tests.Handling;

public sealed class FakeJsonTests
{
    [Fact]
    public void Bodies_are_read_with_the_SDK_settings_so_date_like_strings_stay_text()
    {
        const string Body = """{"created":"2018-08-13T10:11:38","at":"2018-08-13T10:11:38+02:00","n":[1,2.5,true,null]}""";

        var token = FakeJson.ParseOrNull(Body)!;

        token["created"]!.Type.ShouldBe(JTokenType.String);
        ((string)token["at"]!).ShouldBe("2018-08-13T10:11:38+02:00");
        JToken.DeepEquals(token, BatchJson.Deserialize<JToken>(Body)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\":1} {\"b\":2}")]
    public void A_body_that_is_not_one_JSON_value_reads_as_null(string body)
    {
        FakeJson.ParseOrNull(body).ShouldBeNull();
    }
}
