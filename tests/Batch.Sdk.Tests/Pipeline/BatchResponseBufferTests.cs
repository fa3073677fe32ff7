using System.Collections.Generic;
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

    [Fact]
    public async Task A_small_body_is_read_into_a_pooled_buffer_that_goes_back_to_the_pool_on_dispose()
    {
        var pool = new WatchedPool();

        var buffered = await BatchResponseBuffer.ReadAsync(new ByteArrayContent(new byte[100]), Limit, truncate: false, CancellationToken.None, pool);
        pool.Returned.ShouldBeEmpty();
        buffered.Dispose();

        pool.Requested.ShouldBe([101]);
        pool.Returned.ShouldBe(pool.Rented);
    }

    // The README: "buffers above 1 MiB are not kept in the shared array pool".
    [Fact]
    public async Task An_announced_body_over_1_MiB_is_read_without_the_pool()
    {
        var pool = new WatchedPool();
        var body = Body(3 * 1024 * 1024);

        using (var buffered = await BatchResponseBuffer.ReadAsync(new ByteArrayContent(body), Limit, truncate: false, CancellationToken.None, pool))
            (await buffered.ReadAsByteArrayAsync()).ShouldBe(body);

        pool.Requested.ShouldBeEmpty();
        pool.Returned.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_streamed_body_growing_past_1_MiB_gives_back_its_small_buffers_and_keeps_no_larger_one_in_the_pool()
    {
        var pool = new WatchedPool();
        var body = Body(3 * 1024 * 1024);

        using (var buffered = await BatchResponseBuffer.ReadAsync(new StreamContent(new UnseekableStream(body)), Limit, truncate: false, CancellationToken.None, pool))
            (await buffered.ReadAsByteArrayAsync()).ShouldBe(body);

        // 1 KiB, 2 KiB, ... 1 MiB came from the pool and went back as the buffer grew; 2 MiB and 4 MiB did not.
        pool.Requested.Count.ShouldBe(11);
        pool.Requested.Max().ShouldBe(BatchResponseBuffer.PooledLimit);
        pool.Returned.ShouldBe(pool.Rented);
    }

    private const int Limit = 8 * 1024 * 1024;

    private static byte[] Body(int length) => Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

    /// <summary>Hands out fresh arrays and records what is rented and returned.</summary>
    private sealed class WatchedPool : System.Buffers.ArrayPool<byte>
    {
        public List<int> Requested { get; } = [];

        public List<byte[]> Rented { get; } = [];

        public List<byte[]> Returned { get; } = [];

        public override byte[] Rent(int minimumLength)
        {
            Requested.Add(minimumLength);
            var array = new byte[minimumLength];
            Rented.Add(array);
            return array;
        }

        public override void Return(byte[] array, bool clearArray = false) => Returned.Add(array);
    }

    /// <summary>A body whose length is not known in advance (no Content-Length), as a chunked answer.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
