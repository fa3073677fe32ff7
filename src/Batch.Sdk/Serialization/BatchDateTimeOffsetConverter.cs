using System;
using System.Globalization;
using Newtonsoft.Json;

namespace Batch.Sdk.Serialization;

/// <summary>
/// RFC 3339 date-times as Batch's 2.x APIs write them: UTC as <c>2024-01-24T10:22:00Z</c>, other offsets as
/// <c>+02:00</c>, fractional seconds only when present. Zone-less input is read as UTC.
/// </summary>
internal sealed class BatchDateTimeOffsetConverter : JsonConverter
{
    public static readonly BatchDateTimeOffsetConverter Instance = new();

    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF";

    public override bool CanConvert(Type objectType) => objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null when objectType == typeof(DateTimeOffset?):
                return null;
            case JsonToken.String when DateTimeOffset.TryParse((string)reader.Value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value):
                return value;
            case JsonToken.Date when reader.Value is DateTimeOffset offset:
                return offset;
            case JsonToken.Date when reader.Value is DateTime date:
                return new DateTimeOffset(date);
            default:
                throw new JsonSerializationException($"Expected an RFC 3339 date-time at '{reader.Path}', found {reader.TokenType}.");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not DateTimeOffset date)
        {
            writer.WriteNull();
            return;
        }

        var text = date.ToString(Format, CultureInfo.InvariantCulture) +
                   (date.Offset == TimeSpan.Zero ? "Z" : date.ToString("zzz", CultureInfo.InvariantCulture));
        writer.WriteValue(text);
    }
}
