using System.IO;
using Batch.Sdk.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Handling;

/// <summary>
/// Reads request bodies with the SDK's JSON settings (<see cref="BatchJson.Configure"/>: date-like strings stay strings,
/// so patterns and formats see the text as sent), as one JSON value with nothing after it.
/// </summary>
internal static class FakeJson
{
    private static readonly JsonSerializerSettings Settings = BatchJson.Configure(new JsonSerializerSettings());

    /// <summary>The body as JSON, or null when it is empty, cut short or not a single JSON value.</summary>
    public static JToken? ParseOrNull(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            // JToken.ReadFrom, not the serializer, which returns a truncated object without complaint.
            using var reader = new JsonTextReader(new StringReader(body!))
            {
                DateParseHandling = Settings.DateParseHandling,
                DateTimeZoneHandling = Settings.DateTimeZoneHandling,
                FloatParseHandling = Settings.FloatParseHandling,
                MaxDepth = Settings.MaxDepth,
            };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }
}
