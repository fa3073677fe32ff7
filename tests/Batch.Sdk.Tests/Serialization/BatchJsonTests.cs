using Batch.Sdk.Serialization;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Tests.Serialization;

/// <summary>Lenient reading of untyped JSON (error bodies, the fake's request bodies): one definition, the SDK's settings.</summary>
public sealed class BatchJsonTests
{
    [Fact]
    public void Text_is_read_with_the_SDK_settings_so_date_like_strings_stay_text()
    {
        const string Body = """{"created":"2018-08-13T10:11:38","at":"2018-08-13T10:11:38+02:00","n":[1,2.5,true,null]}""";

        var token = BatchJson.ParseOrNull(Body)!;

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
    public void Text_that_is_not_one_JSON_value_reads_as_null(string body)
    {
        BatchJson.ParseOrNull(body).ShouldBeNull();
    }
}
