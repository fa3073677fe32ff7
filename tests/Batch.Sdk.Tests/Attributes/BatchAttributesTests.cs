using System;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.Validation;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;

namespace Batch.Sdk.Tests.Attributes;

public sealed class BatchAttributesTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Typed_attributes_reach_Batch_in_the_documented_wire_format()
    {
        _server.Server.Given(Request.Create().WithPath("/2.8/profiles/update").UsingPost())
            .RespondWith(LoopbackServer.Json(202, "{}"));
        using var batch = _server.CreateClient();

        await batch.Profiles.UpdateAsync(
        [
            new ProfileUpdate
            {
                Identifiers = new ProfileIdentifiers { CustomId = "user-1" },
                Attributes = new BatchAttributes()
                    .Set("$language", "fr")
                    .Set("plan", "premium")
                    .Set("score", 42)
                    .SetDate("last_purchase", new DateTimeOffset(2026, 11, 23, 10, 30, 5, TimeSpan.FromHours(2)))
                    .SetUrl("avatar", new Uri("https://example.com/a.png"))
                    .AddToArray("interests", "running", "jazz")
                    .RemoveFromArray("badges", "beta")
                    .Delete("legacy_score"),
            },
        ]);

        var sent = JArray.Parse(_server.Requests.Single().RequestMessage!.Body!);
        JToken.DeepEquals(sent[0]["attributes"], JObject.Parse("""
            {
              "$language": "fr",
              "plan": "premium",
              "score": 42,
              "date(last_purchase)": "2026-11-23T08:30:05Z",
              "url(avatar)": "https://example.com/a.png",
              "interests": { "$add": ["running", "jazz"] },
              "badges": { "$remove": ["beta"] },
              "legacy_score": null
            }
            """)).ShouldBeTrue(sent[0]["attributes"]!.ToString());
    }

    [Theory]
    [InlineData("Plan")]
    [InlineData("first name")]
    [InlineData("date(x)")]
    [InlineData("")]
    public void A_name_outside_the_documented_alphabet_is_rejected_with_the_name_in_the_message(string name)
    {
        var error = Should.Throw<BatchValidationException>(() => new BatchAttributes().Set(name, "x"));

        error.Message.ShouldContain($"'{name}'");
        error.Message.ShouldContain("lower-case letters, digits and underscores");
    }

    [Fact]
    public void Setting_an_attribute_again_with_another_type_keeps_one_entry()
    {
        var attributes = new BatchAttributes().Set("seen", "yesterday").SetDate("seen", DateTimeOffset.UnixEpoch);

        attributes.Keys.ShouldBe(["date(seen)"]);
    }

    [Fact]
    public void A_relative_url_is_rejected()
    {
        Should.Throw<BatchValidationException>(() => new BatchAttributes().SetUrl("avatar", new Uri("/a.png", UriKind.Relative)))
            .Message.ShouldContain("absolute");
    }
}
