using System;
using System.Globalization;
using Newtonsoft.Json;

namespace Batch.Sdk.Serialization;

/// <summary>
/// RFC 3339 date-times as Batch's 2.x APIs write them: UTC as <c>2024-01-24T10:22:00Z</c>, other offsets as
/// <c>+02:00</c>, fractional seconds only when present. Zone-less input is read as UTC.
/// </summary>
/// <remarks>Not sealed: <see cref="BatchDateConverter"/> reads and writes <c>format: date</c> values the same way.</remarks>
internal class BatchDateTimeOffsetConverter : JsonConverter
{
    public static readonly BatchDateTimeOffsetConverter Instance = new();

    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF";

    /// <summary>What the error says was expected.</summary>
    protected virtual string Expected => "an RFC 3339 date-time";

    public override bool CanConvert(Type objectType) => objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null when objectType == typeof(DateTimeOffset?):
                return null;
            case JsonToken.String when reader.Value is string text && TryParse(text, out var value):
                return value;
            case JsonToken.Date when reader.Value is DateTimeOffset offset:
                return offset;
            case JsonToken.Date when reader.Value is DateTime date:
                return new DateTimeOffset(date);
            default:
                throw new JsonSerializationException($"Expected {Expected} at '{reader.Path}', found {reader.TokenType}.");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset date)
            writer.WriteValue(Write(date));
        else
            writer.WriteNull();
    }

    /// <summary>Reads the usual RFC 3339 layouts directly and anything else through the general parser.</summary>
    protected virtual bool TryParse(string text, out DateTimeOffset value) =>
        BatchDateText.TryParseDateTime(text, out value) ||
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>The JSON text of a value.</summary>
    protected virtual string Write(DateTimeOffset date) =>
        date.ToString(Format, CultureInfo.InvariantCulture) +
        (date.Offset == TimeSpan.Zero ? "Z" : date.ToString("zzz", CultureInfo.InvariantCulture));
}
