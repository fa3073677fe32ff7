using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// A response body read whole into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, given back when the response
/// is disposed. The retry handler reads every body within its attempt; <see cref="HttpContent.LoadIntoBufferAsync()"/>
/// would allocate a copy of each one, which costs as much as deserializing a large page (see tests/Batch.Sdk.Benchmarks).
/// </summary>
/// <remarks>A stream obtained from this content must not be read after the response is disposed.</remarks>
internal sealed class BatchBufferedContent : HttpContent
{
    private const int MinimumBuffer = 1024;

    private readonly int _length;
    private byte[]? _buffer;

    private BatchBufferedContent(HttpContent original, byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
#if NET6_0_OR_GREATER
        // The raw values: enumerating Headers itself would parse every value first.
        foreach (var header in original.Headers.NonValidated)
            Headers.TryAddWithoutValidation(header.Key, header.Value);
#else
        foreach (var header in original.Headers)
            Headers.TryAddWithoutValidation(header.Key, header.Value);
#endif
    }

    /// <summary>Reads <paramref name="original"/> to its end and returns a content holding its bytes and headers; disposes <paramref name="original"/>.</summary>
    public static async Task<HttpContent> ReadWholeAsync(HttpContent original, CancellationToken cancellationToken)
    {
        var expected = original.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(expected is long size && size < int.MaxValue ? Math.Max((int)size + 1, MinimumBuffer) : MinimumBuffer);
        var length = 0;
        try
        {
#if NET5_0_OR_GREATER
            using var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await original.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            int read;
            while ((read = await ReadAsync(stream, buffer, length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                    buffer = Grow(buffer, length);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        var content = new BatchBufferedContent(original, buffer, length);
        original.Dispose();
        return content;
    }

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
            ArrayPool<byte>.Shared.Return(buffer);
        base.Dispose(disposing);
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(BatchBufferedContent));

    private static ValueTask<int> ReadAsync(Stream stream, byte[] buffer, int offset, CancellationToken cancellationToken) =>
#if NET5_0_OR_GREATER
        stream.ReadAsync(buffer.AsMemory(offset), cancellationToken);
#else
        new(stream.ReadAsync(buffer, offset, buffer.Length - offset, cancellationToken));
#endif

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        System.Buffer.BlockCopy(buffer, 0, larger, 0, length);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
