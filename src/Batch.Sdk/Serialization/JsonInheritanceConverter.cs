using System;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

// The generated models name this converter without a namespace ([JsonConverter(typeof(JsonInheritanceConverter), "channel_type")]
// on a discriminated base type), so it lives in the generated code's namespace.
namespace Batch.Sdk;

/// <summary>
/// Reads a discriminated union (such as <see cref="CampaignMessage"/>, <c>channel_type</c>) as the subtype its
/// discriminator maps with <see cref="JsonInheritanceAttribute"/>. It stands in for NJsonSchema's public converter of the
/// same name, which nswag.json leaves out (<c>excludedTypeNames</c>) so that it is not part of the SDK's public API.
/// Writing is the serializer's own: subtypes write their discriminator through <see cref="Serialization.BatchDiscriminatorContract"/>.
/// </summary>
/// <remarks>
/// A discriminator that maps to no subtype (a channel Batch added later) reads as the base type and stays in its
/// <c>AdditionalProperties</c>, so the message is written back as it came.
/// </remarks>
internal sealed class JsonInheritanceConverter : JsonConverter
{
    public JsonInheritanceConverter(string discriminatorName) => DiscriminatorName = discriminatorName;

    /// <summary>The JSON property that selects the subtype, such as <c>channel_type</c>.</summary>
    public string DiscriminatorName { get; }

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => true;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
            return null;
        var json = JObject.Load(reader);
        var subtype = SubtypeOf(objectType, (json[DiscriminatorName] as JValue)?.Value as string);
        // Populate, not Deserialize: the subtype inherits this converter, which must not be asked again.
        if (serializer.ContractResolver.ResolveContract(subtype) is not JsonObjectContract { DefaultCreator: { } create })
            throw new JsonSerializationException($"{subtype} cannot be created to read a {DiscriminatorName} union.");
        var value = create();
        using var subReader = json.CreateReader();
        serializer.Populate(subReader, value);
        return value;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("The serializer writes these objects itself (CanWrite is false).");

    /// <summary>The subtype <paramref name="discriminator"/> maps to from <paramref name="objectType"/> or its bases; <paramref name="objectType"/> when none.</summary>
    private static Type SubtypeOf(Type objectType, string? discriminator)
    {
        if (discriminator is null)
            return objectType;
        foreach (var mapping in objectType.GetCustomAttributes<JsonInheritanceAttribute>(inherit: true))
        {
            if (mapping.Key == discriminator && objectType.IsAssignableFrom(mapping.Type))
                return mapping.Type;
        }

        return objectType;
    }
}
