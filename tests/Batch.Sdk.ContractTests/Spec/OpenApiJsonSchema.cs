using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Batch.Sdk.ContractTests.Spec;

/// <summary>
/// Turns an OpenAPI 3.0 schema of the spec into a JSON Schema NJsonSchema validates with:
/// <c>#/components/schemas</c> become <c>#/definitions</c>, <c>nullable</c> becomes a <c>null</c> type, and a
/// <c>discriminator</c> with a mapping becomes a <c>oneOf</c> of its subtypes, each pinned to its mapping key.
/// </summary>
/// <remarks>
/// Strict mode checks examples, which the spec promises use declared properties only: every object without an
/// explicit <c>additionalProperties</c> is closed, and <c>allOf</c> is flattened first (closed parts of an
/// <c>allOf</c> would reject each other's properties).
/// </remarks>
internal static class OpenApiJsonSchema
{
    private const string ComponentPrefix = "#/components/schemas/";
    private const string PolymorphicSuffix = "~polymorphic";

    private static readonly ConcurrentDictionary<(JObject Root, string Schema, bool Strict), JsonSchema> Cache = new();

    public static IReadOnlyList<string> Validate(SpecDocument spec, JToken schema, JToken? value, bool strict)
    {
        var jsonSchema = Cache.GetOrAdd((spec.Root, schema.ToString(), strict), key => Build(spec, schema, key.Strict));
        return jsonSchema.Validate(value ?? JValue.CreateNull()).Select(Describe).ToList();
    }

    /// <summary>
    /// A component reference is looked up in the document of all components (built once per spec and mode); an
    /// inline schema gets its own document, with the components only when it refers to them.
    /// </summary>
    private static JsonSchema Build(SpecDocument spec, JToken schema, bool strict)
    {
        var converter = new Converter(spec, strict);
        var converted = converter.Convert(schema);
        if (converted is JObject { Count: 1 } reference && reference["$ref"] is JValue { Value: string pointer })
            return Cache.GetOrAdd((spec.Root, "#/definitions", strict), _ => Parse(new JObject { ["definitions"] = converter.Definitions() }))
                .Definitions[pointer.Substring("#/definitions/".Length)];

        // Wrapped in an allOf, so that definitions can sit beside a schema that is itself a $ref.
        var root = new JObject { ["allOf"] = new JArray(converted) };
        if (converted.ToString().Contains("\"$ref\"", StringComparison.Ordinal))
            root["definitions"] = converter.Definitions();
        return Parse(root);
    }

    private static JsonSchema Parse(JObject document) => JsonSchema.FromJsonAsync(document.ToString()).GetAwaiter().GetResult();

    private static string Describe(ValidationError error) => error switch
    {
        ChildSchemaValidationError child => $"{error.Path}: {error.Kind} ({string.Join("; ", child.Errors.SelectMany(branch => branch.Value).Select(Describe))})",
        _ => $"{error.Path}: {error.Kind}",
    };

    private sealed class Converter(SpecDocument spec, bool strict)
    {
        /// <summary>Converts one schema; <paramref name="subtypeOf"/> names the component being converted, whose own <c>allOf</c> refers to its base.</summary>
        public JToken Convert(JToken node, string? subtypeOf = null)
        {
            if (node is not JObject schema)
                return node.DeepClone();
            if (schema["$ref"] is JValue { Value: string reference })
                return Reference(reference, subtypeOf);
            if (strict && schema["allOf"] is JArray)
                schema = Flatten(schema);

            var converted = new JObject();
            foreach (var property in schema.Properties())
            {
                switch (property.Name)
                {
                    case "nullable" or "discriminator" or "example" or "examples" or "description" or "default":
                    case var name when name.StartsWith("x-", StringComparison.Ordinal):
                        break;
                    case "properties":
                        converted["properties"] = new JObject(((JObject)property.Value).Properties()
                            .Select(member => new JProperty(member.Name, Convert(member.Value))));
                        break;
                    case "items" or "additionalProperties" or "not":
                        converted[property.Name] = Convert(property.Value);
                        break;
                    case "allOf" or "oneOf" or "anyOf":
                        converted[property.Name] = new JArray(((JArray)property.Value).Select(part => Convert(part, subtypeOf)));
                        break;
                    default:
                        converted[property.Name] = property.Value.DeepClone();
                        break;
                }
            }

            if (schema["nullable"]?.Value<bool>() == true)
            {
                if (converted["type"] is JValue type)
                    converted["type"] = new JArray(type, "null");
                if (converted["enum"] is JArray values)
                    values.Add(JValue.CreateNull());
            }

            if (strict && IsObject(schema) && schema["additionalProperties"] is null)
                converted["additionalProperties"] = false;
            return converted;
        }

        public JObject Definitions()
        {
            var definitions = new JObject();
            foreach (var component in ((JObject)spec.Root["components"]!["schemas"]!).Properties())
            {
                definitions[component.Name] = Convert(component.Value, subtypeOf: component.Name);
                if (component.Value["discriminator"] is JObject discriminator)
                    definitions[component.Name + PolymorphicSuffix] = Polymorphic(discriminator);
            }

            return definitions;
        }

        private JObject Polymorphic(JObject discriminator)
        {
            var propertyName = (string)discriminator["propertyName"]!;
            var mapping = discriminator["mapping"] as JObject
                          ?? throw new InvalidOperationException("A discriminator needs an explicit mapping (see the spec's conventions).");
            return new JObject
            {
                ["oneOf"] = new JArray(mapping.Properties().Select(key => new JObject
                {
                    ["allOf"] = new JArray(
                        Reference((string)key.Value!, subtypeOf: null),
                        new JObject { ["properties"] = new JObject { [propertyName] = new JObject { ["enum"] = new JArray(key.Name) } } }),
                })),
            };
        }

        private JObject Reference(string reference, string? subtypeOf)
        {
            if (!reference.StartsWith(ComponentPrefix, StringComparison.Ordinal))
                throw new InvalidOperationException($"Unsupported schema reference {reference}.");
            var name = reference.Substring(ComponentPrefix.Length);
            // A reference to a polymorphic base means "one of its subtypes", except from a subtype's own allOf.
            var polymorphic = spec.Root["components"]!["schemas"]![name]!["discriminator"] is not null && subtypeOf is null;
            return new JObject { ["$ref"] = "#/definitions/" + name + (polymorphic ? PolymorphicSuffix : string.Empty) };
        }

        /// <summary>Merges the parts of an <c>allOf</c> (resolved, recursively) into one object schema.</summary>
        private JObject Flatten(JObject schema)
        {
            var merged = new JObject(schema.Properties().Where(property => property.Name != "allOf"));
            var properties = merged["properties"] as JObject ?? new JObject();
            var required = new HashSet<string>((merged["required"] as JArray ?? new JArray()).Values<string>().OfType<string>());
            foreach (var part in ((JArray)schema["allOf"]!).Select(part => (JObject)spec.Resolve(part)))
            {
                var flat = part["allOf"] is JArray ? Flatten(part) : part;
                foreach (var property in (flat["properties"] as JObject ?? new JObject()).Properties())
                    properties[property.Name] = property.Value.DeepClone();
                required.UnionWith((flat["required"] as JArray ?? new JArray()).Values<string>().OfType<string>());
                foreach (var keyword in flat.Properties().Where(keyword => keyword.Name is not ("properties" or "required" or "discriminator") && merged[keyword.Name] is null))
                    merged[keyword.Name] = keyword.Value.DeepClone();
            }

            merged["properties"] = properties;
            if (required.Count > 0)
                merged["required"] = new JArray(required.OrderBy(name => name, StringComparer.Ordinal));
            merged["type"] ??= "object";
            return merged;
        }

        private static bool IsObject(JObject schema) => (string?)schema["type"] == "object" || schema["properties"] is not null;
    }
}
