using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Batch.Sdk.Serialization;
using Newtonsoft.Json;

namespace Batch.Sdk.Tests.Serialization;

/// <summary>A request body is the SDK's JSON of the model, as exact UTF-8 bytes with its media type, whatever it holds.</summary>
public sealed class BatchRequestBodyTests
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(BatchJson.Configure(new JsonSerializerSettings()));

    [Theory]
    [InlineData("Plain text")]
    [InlineData("Émojis 🎉🚀 and accents: déjà vu, 日本語")]
    [InlineData("A lone surrogate \ud83d becomes U+FFFD, as StringContent does")]
    public async Task The_body_is_the_models_json_in_utf8_with_the_media_type(string text)
    {
        var campaign = Samples.PushCampaign();
        campaign.Messages![0].Body = text;

        using var content = BatchRequestBody.Create(campaign, Serializer, "application/json");

        var bytes = await content.ReadAsByteArrayAsync();
        bytes.ShouldBe(Encoding.UTF8.GetBytes(BatchJson.Serialize(campaign)));
        content.Headers.ContentType!.ToString().ShouldBe("application/json");
        content.Headers.ContentLength.ShouldBe(bytes.Length);
    }

    [Fact]
    public async Task A_body_larger_than_the_kept_buffer_is_written_whole_and_the_next_small_one_is_unaffected()
    {
        var large = Samples.PushCampaign();
        large.Messages![0].Body = new string('x', 600_000);
        var small = Samples.PushCampaign();

        using var first = BatchRequestBody.Create(large, Serializer, "application/json");
        using var second = BatchRequestBody.Create(small, Serializer, "application/json");

        (await first.ReadAsStringAsync()).ShouldBe(BatchJson.Serialize(large));
        (await second.ReadAsStringAsync()).ShouldBe(BatchJson.Serialize(small));
    }

    [Fact]
    public void A_body_that_breaks_the_spec_is_refused_while_it_is_written()
    {
        var failure = Should.Throw<BatchValidationException>(() => BatchRequestBody.Create(new PushCampaignCreateRequest(), Serializer, "application/json"));

        failure.Message.ShouldContain("required");
    }
}
