using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Pipeline;

namespace Batch.Sdk.Tests.Pipeline;

public class BatchResponseBufferTests
{
    [Fact]
    public async Task ReadWhole_keeps_every_byte_and_header_of_a_body_without_length_larger_than_the_first_buffer()
    {
        var body = string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i},"));
        var original = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        original.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");

        using var buffered = await BatchResponseBuffer.ReadAsync(original, 1024 * 1024, truncate: false, CancellationToken.None);

        (await buffered.ReadAsStringAsync()).ShouldBe(body);
        buffered.Headers.ContentType!.MediaType.ShouldBe("application/json");
        buffered.Headers.ContentLength.ShouldBe(Encoding.UTF8.GetByteCount(body));
    }

    [Fact]
    public async Task A_disposed_buffered_body_can_no_longer_be_read()
    {
        var buffered = await BatchResponseBuffer.ReadAsync(new StringContent("{}"), 1024, truncate: false, CancellationToken.None);

        buffered.Dispose();

        await Should.ThrowAsync<System.ObjectDisposedException>(() => buffered.ReadAsStreamAsync());
    }
}
