using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// Reads a response body whole, within the attempt's time limit, into memory the server cannot inflate: a body over
/// the limit is refused (<see cref="BatchResponseTooLargeException"/>) or, for error bodies, cut at the limit.
/// <c>Content-Length</c> never sizes a buffer beyond the limit; buffers grow with the bytes that actually arrive.
/// </summary>
/// <remarks>
/// Buffers up to <see cref="PooledLimit"/> come from <see cref="ArrayPool{T}.Shared"/> and are given back when the
/// response is disposed (small bodies then allocate nothing); larger ones are plain arrays, so that one large body
/// leaves nothing behind in the shared pool. A stream obtained from the content must not be read after the response
/// is disposed.
/// </remarks>
internal sealed class BatchResponseBuffer : HttpContent
{
    /// <summary>The largest buffer rented from the shared pool (the pool's usual largest bucket before .NET 8).</summary>
    internal const int PooledLimit = 1024 * 1024;

    private const int MinimumBuffer = 1024;

    private readonly int _length;
    private readonly bool _pooled;
    private readonly ArrayPool<byte> _pool;
    private byte[]? _buffer;

    private BatchResponseBuffer(HttpContent original, byte[] buffer, bool pooled, ArrayPool<byte> pool, int length, bool truncated)
    {
        _buffer = buffer;
        _pooled = pooled;
        _pool = pool;
        _length = length;
        IsTruncated = truncated;
#if NET6_0_OR_GREATER
        // The raw values: enumerating Headers itself would parse every value first.
        foreach (var header in original.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
#else
        foreach (var header in original.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
#endif
    }

    /// <summary>Whether the body was longer than the limit and only its first bytes were kept.</summary>
    public bool IsTruncated { get; }

    /// <summary>
    /// Reads <paramref name="original"/> to its end (or to <paramref name="limit"/> bytes when
    /// <paramref name="truncate"/> is set) and returns a content holding its bytes and headers; disposes
    /// <paramref name="original"/>. Small buffers come from <paramref name="pool"/>: <see cref="ArrayPool{T}.Shared"/>
    /// when null (tests pass their own to watch it).
    /// </summary>
    /// <exception cref="BatchResponseTooLargeException">The body, announced or streamed, is longer than <paramref name="limit"/> and <paramref name="truncate"/> is not set.</exception>
    public static async Task<BatchResponseBuffer> ReadAsync(HttpContent original, int limit, bool truncate, CancellationToken cancellationToken, ArrayPool<byte>? pool = null)
    {
        pool ??= ArrayPool<byte>.Shared;
        var announced = original.Headers.ContentLength;
        if (announced > limit && !truncate)
        {
            original.Dispose();
            throw new BatchResponseTooLargeException(limit, announced);
        }

        // One byte more than the body (or the limit) lets the end be seen without growing the buffer.
        var size = announced is long expected ? (int)Math.Min(expected, limit) + 1 : Math.Min(MinimumBuffer, limit + 1);
        var pooled = size <= PooledLimit;
        var buffer = Allocate(Math.Max(size, 1), pooled, pool);
        var length = 0;
        var truncated = false;
        try
        {
#if NET5_0_OR_GREATER
            using var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await original.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            while (true)
            {
                if (length == buffer.Length)
                {
                    var grown = (int)Math.Min((long)buffer.Length * 2, (long)limit + 1);
                    var larger = Allocate(grown, grown <= PooledLimit, pool);
                    System.Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    Release(buffer, pooled, pool);
                    buffer = larger;
                    pooled = grown <= PooledLimit;
                }

                var read = await ReadAsync(stream, buffer, length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    break;
                length += read;
                if (length > limit)
                {
                    if (!truncate)
                        throw new BatchResponseTooLargeException(limit, announced);
                    length = limit;
                    truncated = true;
                    break;
                }
            }
        }
        catch
        {
            Release(buffer, pooled, pool);
            original.Dispose();
            throw;
        }

        var content = new BatchResponseBuffer(original, buffer, pooled, pool, length, truncated);
        original.Dispose();
        return content;
    }

    /// <summary>
    /// The response's body as a <see cref="BatchResponseBuffer"/>: the one the SDK's pipeline already read, or (on a
    /// caller's own HttpClient) read now within <paramref name="limit"/>, replacing the response's content.
    /// </summary>
    /// <exception cref="BatchResponseTooLargeException">The body is longer than <paramref name="limit"/> and <paramref name="truncate"/> is not set.</exception>
    public static async ValueTask<BatchResponseBuffer> EnsureAsync(HttpResponseMessage response, int limit, bool truncate, CancellationToken cancellationToken)
    {
        if (response.Content is BatchResponseBuffer buffered)
            return buffered;
        var read = await ReadAsync(response.Content!, limit, truncate, cancellationToken).ConfigureAwait(false);
        response.Content = read;
        return read;
    }

    /// <summary>The body's bytes, valid until the response is disposed.</summary>
    public ArraySegment<byte> Bytes => new(Buffer, 0, _length);

    /// <summary>The body as UTF-8 text.</summary>
    public string ReadText() => System.Text.Encoding.UTF8.GetString(Buffer, 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Buffer, 0, _length);

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(Buffer, 0, _length, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
            Release(buffer, _pooled, _pool);
        base.Dispose(disposing);
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(BatchResponseBuffer));

    private static byte[] Allocate(int size, bool pooled, ArrayPool<byte> pool)
    {
        if (pooled)
            return pool.Rent(size);
#if NET5_0_OR_GREATER
        return GC.AllocateUninitializedArray<byte>(size);
#else
        return new byte[size];
#endif
    }

    private static void Release(byte[] buffer, bool pooled, ArrayPool<byte> pool)
    {
        if (pooled)
            pool.Return(buffer);
    }

    private static ValueTask<int> ReadAsync(Stream stream, byte[] buffer, int offset, CancellationToken cancellationToken) =>
#if NET5_0_OR_GREATER
        stream.ReadAsync(buffer.AsMemory(offset), cancellationToken);
#else
        new(stream.ReadAsync(buffer, offset, buffer.Length - offset, cancellationToken));
#endif
}

/// <summary>A response body longer than <see cref="BatchClientOptions.MaxResponseBytes"/>; the pipeline turns it into a <see cref="BatchApiException"/>.</summary>
internal sealed class BatchResponseTooLargeException : Exception
{
    public BatchResponseTooLargeException(int limit, long? announced)
        : base(announced is long length
            ? $"The response announced {length} bytes, more than {nameof(BatchClientOptions)}.{nameof(BatchClientOptions.MaxResponseBytes)} ({limit}); it was not read."
            : $"The response body is longer than {nameof(BatchClientOptions)}.{nameof(BatchClientOptions.MaxResponseBytes)} ({limit} bytes); reading stopped there.")
    {
    }
}
