using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Pipeline;
using Batch.Sdk.Serialization;
using Newtonsoft.Json;

namespace Batch.Sdk.Tests.Serialization;

/// <summary>A success body is read from the pipeline's buffer: any UTF-8 text, with or without a byte order mark, small or large.</summary>
public sealed class BatchResponseBodyTests
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(BatchJson.Configure(new JsonSerializerSettings()));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Utf8_text_with_or_without_a_byte_order_mark_is_read_exactly(bool preamble)
    {
        const string json = """{"campaign_token":"🎉 déjà 日本語"}""";
        var bytes = (preamble ? new byte[] { 0xEF, 0xBB, 0xBF } : []).Concat(Encoding.UTF8.GetBytes(json)).ToArray();
        using var body = await Buffer(bytes);

        var created = BatchResponseBody.Read<PushCampaignCreated>(body, Serializer);

        created!.CampaignToken.ShouldBe("🎉 déjà 日本語");
    }

    [Fact]
    public async Task A_body_larger_than_the_pooled_buffers_is_read_whole()
    {
        var tokens = Enumerable.Range(0, 80_000).Select(i => $"token_{i:D8}").ToArray();
        using var body = await Buffer(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(tokens)));
        body.Bytes.Count.ShouldBeGreaterThan(BatchResponseBuffer.PooledLimit);

        var read = BatchResponseBody.Read<string[]>(body, Serializer);

        read.ShouldBe(tokens);
    }

    [Fact]
    public async Task Malformed_json_is_a_JsonException()
    {
        using var body = await Buffer(Encoding.UTF8.GetBytes("""{"campaign_token": """));

        Should.Throw<JsonException>(() => BatchResponseBody.Read<PushCampaignCreated>(body, Serializer));
    }

    private static Task<BatchResponseBuffer> Buffer(byte[] bytes) =>
        BatchResponseBuffer.ReadAsync(new ByteArrayContent(bytes), int.MaxValue - 1, truncate: false, CancellationToken.None);
}
