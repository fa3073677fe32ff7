using System;
using System.IO;
using System.Text;
using Batch.Sdk.Pipeline;
using Newtonsoft.Json;

namespace Batch.Sdk.Serialization;

/// <summary>
/// Reads a documented success's body (<see cref="BatchClientBase"/>): the bytes the pipeline buffered are decoded once
/// into a pooled character array and deserialized from there, with the reader's own buffer pooled too, so a call
/// allocates its result and little else.
/// </summary>
internal static class BatchResponseBody
{
    private static readonly byte[] Utf8Preamble = [0xEF, 0xBB, 0xBF];

    /// <exception cref="JsonException">The body is not JSON of the shape of <typeparamref name="T"/>.</exception>
    public static T? Read<T>(BatchResponseBuffer body, JsonSerializer serializer)
    {
        var bytes = body.Bytes;
        var start = StartsWithPreamble(bytes) ? Utf8Preamble.Length : 0;
        var chars = BatchJsonCharPool.Instance.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Count - start));
        try
        {
            var length = Encoding.UTF8.GetChars(bytes.Array!, bytes.Offset + start, bytes.Count - start, chars, 0);
            using var reader = new JsonTextReader(new CharsReader(chars, length)) { ArrayPool = BatchJsonCharPool.Instance };
            return serializer.Deserialize<T>(reader);
        }
        finally
        {
            BatchJsonCharPool.Instance.Return(chars);
        }
    }

    private static bool StartsWithPreamble(ArraySegment<byte> bytes) =>
        bytes.Count >= 3 && bytes.Array![bytes.Offset] == 0xEF && bytes.Array[bytes.Offset + 1] == 0xBB && bytes.Array[bytes.Offset + 2] == 0xBF;

    /// <summary>A reader over the first characters of an array.</summary>
    private sealed class CharsReader : TextReader
    {
        private readonly char[] _chars;
        private readonly int _length;
        private int _position;

        public CharsReader(char[] chars, int length)
        {
            _chars = chars;
            _length = length;
        }

        public override int Peek() => _position < _length ? _chars[_position] : -1;

        public override int Read() => _position < _length ? _chars[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var read = Math.Min(count, _length - _position);
            if (read <= 0)
                return 0;
            Array.Copy(_chars, _position, buffer, index, read);
            _position += read;
            return read;
        }
    }
}
