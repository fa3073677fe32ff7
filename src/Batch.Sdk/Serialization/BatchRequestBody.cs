using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json;

namespace Batch.Sdk.Serialization;

/// <summary>
/// Writes a request body (Client.Class.BeforeSend, the validation stage): the serializer's contract resolver checks
/// every model against the spec as it is written (<see cref="BatchContractResolver"/>), so a body that breaks the spec
/// is refused here, before anything is sent. The JSON is encoded once, into a byte array of its exact length, which
/// retries send again unchanged.
/// </summary>
internal static class BatchRequestBody
{
    /// <summary>Larger builders are not kept for the next body on the thread.</summary>
    private const int KeptBuilderCapacity = 16 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <exception cref="BatchValidationException">The body breaks a constraint of the spec.</exception>
    public static HttpContent Create(object? body, JsonSerializer serializer, string mediaType)
    {
        var builder = t_builder ?? new StringBuilder(1024);
        t_builder = null;
        try
        {
            using (var text = new StringWriter(builder, CultureInfo.InvariantCulture))
            using (var json = new JsonTextWriter(text) { ArrayPool = BatchJsonCharPool.Instance, Formatting = serializer.Formatting })
                serializer.Serialize(json, body);
            var content = new ByteArrayContent(Encode(builder));
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
            return content;
        }
        finally
        {
            if (builder.Capacity <= KeptBuilderCapacity)
            {
                builder.Clear();
                t_builder = builder;
            }
        }
    }

    /// <summary>The UTF-8 bytes of the builder's text, through a pooled copy of its characters.</summary>
    private static byte[] Encode(StringBuilder builder)
    {
        var length = builder.Length;
        var chars = BatchJsonCharPool.Instance.Rent(length);
        try
        {
            builder.CopyTo(0, chars, 0, length);
            var bytes = new byte[Encoding.UTF8.GetByteCount(chars, 0, length)];
            Encoding.UTF8.GetBytes(chars, 0, length, bytes, 0);
            return bytes;
        }
        finally
        {
            BatchJsonCharPool.Instance.Return(chars);
        }
    }
}
