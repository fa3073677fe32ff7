using System;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Batch.Sdk.Serialization;

/// <summary>
/// Writes the subtypes of a discriminated union (such as <see cref="EmailMessage"/>, <c>channel_type: email</c>) with
/// their discriminator as an ordinary first property (NJsonSchema's converter, which the SDK replaces with its own
/// read-only <see cref="JsonInheritanceConverter"/>, built a JObject of every message and reflected over attributes on
/// each call: three times the hand-written floor in tests/Batch.Sdk.Benchmarks). Reading goes through that converter.
/// </summary>
internal static class BatchDiscriminatorContract
{
    /// <summary>Adapts the contract of a subtype that a base type maps with <see cref="JsonInheritanceAttribute"/>; leaves others alone.</summary>
    public static void Apply(JsonObjectContract contract)
    {
        if (contract.Converter is not JsonInheritanceConverter inheritance)
            return;
        var key = DiscriminatorOf(contract.UnderlyingType);
        if (key is null || contract.Properties.Contains(inheritance.DiscriminatorName))
            return;

        contract.Properties.Insert(0, new JsonProperty
        {
            PropertyName = inheritance.DiscriminatorName,
            UnderlyingName = inheritance.DiscriminatorName,
            PropertyType = typeof(string),
            DeclaringType = contract.UnderlyingType,
            ValueProvider = new ConstantValueProvider(key),
            Readable = true,
            // Read but dropped: the converter has already used it to pick the subtype, and it must not land in AdditionalProperties.
            Writable = true,
        });
    }

    private static string? DiscriminatorOf(Type subtype)
    {
        for (var type = subtype.BaseType; type is not null; type = type.BaseType)
        {
            var mapping = type.GetCustomAttributes<JsonInheritanceAttribute>(inherit: false).FirstOrDefault(attribute => attribute.Type == subtype);
            if (mapping is not null)
                return mapping.Key;
        }

        return null;
    }

    private sealed class ConstantValueProvider : IValueProvider
    {
        private readonly string _value;

        public ConstantValueProvider(string value) => _value = value;

        public object GetValue(object target) => _value;

        public void SetValue(object target, object? value)
        {
            // The type fixes the discriminator.
        }
    }
}
