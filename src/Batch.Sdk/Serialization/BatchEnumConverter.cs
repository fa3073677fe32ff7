using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace Batch.Sdk.Serialization;

/// <summary>
/// Reads enum values leniently: a value this SDK does not know (Batch added it later) becomes the enum's
/// <c>Unknown</c> member instead of failing the whole response. Writes refuse <c>Unknown</c>, which means "not set".
/// </summary>
/// <remarks>The generated enums have <c>Unknown = 0</c> (see build/nswag/templates/Enum.liquid).</remarks>
internal sealed class BatchEnumConverter : StringEnumConverter
{
    public BatchEnumConverter()
    {
        AllowIntegerValues = false;
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        try
        {
            return base.ReadJson(reader, objectType, existingValue, serializer);
        }
        catch (JsonSerializationException) when (reader.TokenType is JsonToken.String or JsonToken.Integer or JsonToken.Float or JsonToken.Boolean)
        {
            return Enum.ToObject(Nullable.GetUnderlyingType(objectType) ?? objectType, 0);
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is Enum member && Convert.ToInt64(member, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            throw new JsonSerializationException(
                $"{member.GetType().Name}.{member} cannot be sent to Batch: set a known value. Path '{writer.Path}'.");
        }

        base.WriteJson(writer, value, serializer);
    }
}
