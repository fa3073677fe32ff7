using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Spec;

/// <summary>
/// Turns OpenAPI 3.0 schemas into one JSON Schema document that NJsonSchema can validate against:
/// <c>#/components/schemas/X</c> references become <c>#/definitions/X</c>, <c>nullable</c> becomes a <c>null</c>
/// type, OpenAPI-only keywords are dropped, and a <c>discriminator</c> with a mapping becomes a dispatch on the
/// property's value (so a 2.8 message is checked against the subtype its <c>channel_type</c> names).
/// </summary>
internal static class SpecSchemaConverter
{
    private const string ComponentPrefix = "#/components/schemas/";
    private const string DefinitionPrefix = "#/definitions/";

    /// <summary>The name under which a discriminated schema's own properties are kept, for its subtypes' allOf.</summary>
    private const string BaseSuffix = "__base";

    private static readonly string[] OpenApiOnlyKeywords =
        ["discriminator", "example", "examples", "xml", "externalDocs", "deprecated", "readOnly", "writeOnly", "nullable"];

    /// <summary>Builds <c>{"definitions": {...}}</c> from the spec's component schemas and extra named schemas.</summary>
    /// <param name="components">The OpenAPI component schemas, by name.</param>
    /// <param name="roots">Further schemas (operation bodies, parameters) to define under their given names.</param>
    public static JObject ToJsonSchemaDocument(IReadOnlyDictionary<string, JObject> components, IReadOnlyDictionary<string, JToken> roots)
    {
        var discriminated = components
            .Where(component => component.Value["discriminator"]?["mapping"] is JObject)
            .ToDictionary(component => component.Key, component => (JObject)component.Value["discriminator"]!);
        var subtypes = new HashSet<string>(discriminated.Values
            .SelectMany(discriminator => ((JObject)discriminator["mapping"]!).Properties())
            .Select(mapping => ComponentName((string)mapping.Value!)), StringComparer.Ordinal);

        var definitions = new JObject();
        foreach (var component in components)
        {
            // A subtype refers to its base by allOf; pointing it at the base's own properties avoids dispatching forever.
            var baseNames = subtypes.Contains(component.Key) ? discriminated.Keys : Enumerable.Empty<string>();
            var converted = Convert(component.Value, new HashSet<string>(baseNames, StringComparer.Ordinal));
            if (discriminated.TryGetValue(component.Key, out var discriminator))
            {
                definitions[component.Key + BaseSuffix] = converted;
                definitions[component.Key] = Dispatch(component.Key, discriminator);
            }
            else
            {
                definitions[component.Key] = converted;
            }
        }

        foreach (var root in roots)
            definitions[root.Key] = Convert(root.Value, new HashSet<string>(StringComparer.Ordinal));
        return new JObject { ["definitions"] = definitions };
    }

    private static JObject Dispatch(string name, JObject discriminator)
    {
        var property = (string)discriminator["propertyName"]!;
        var branches = ((JObject)discriminator["mapping"]!).Properties().Select(mapping => new JObject
        {
            ["properties"] = new JObject { [property] = new JObject { ["enum"] = new JArray(mapping.Name) } },
            ["allOf"] = new JArray(Reference(ComponentName((string)mapping.Value!))),
        });
        return new JObject
        {
            ["allOf"] = new JArray(Reference(name + BaseSuffix)),
            ["oneOf"] = new JArray(branches),
        };
    }

    /// <summary>Converts one schema; <paramref name="toBase"/> names the discriminated schemas whose references must target their base.</summary>
    private static JToken Convert(JToken schema, ISet<string> toBase)
    {
        if (schema is not JObject source)
            return schema.DeepClone();

        var result = new JObject();
        foreach (var keyword in source.Properties())
        {
            if (OpenApiOnlyKeywords.Contains(keyword.Name) || keyword.Name.StartsWith("x-", StringComparison.Ordinal))
                continue;
            result[keyword.Name] = keyword.Name switch
            {
                "$ref" => RewriteReference((string)keyword.Value!, toBase),
                "properties" => new JObject(((JObject)keyword.Value).Properties()
                    .Select(property => new JProperty(property.Name, Convert(property.Value, toBase)))),
                "items" or "additionalProperties" or "not" => Convert(keyword.Value, toBase),
                "allOf" or "anyOf" or "oneOf" => new JArray(keyword.Value.Select(item => Convert(item, toBase))),
                _ => keyword.Value.DeepClone(),
            };
        }

        if (source["nullable"]?.Type == JTokenType.Boolean && (bool)source["nullable"]!)
            AllowNull(result);
        return result;
    }

    private static void AllowNull(JObject schema)
    {
        if (schema["type"] is JValue { Type: JTokenType.String } type)
            schema["type"] = new JArray((string)type!, "null");
        if (schema["enum"] is JArray values && !values.Any(value => value.Type == JTokenType.Null))
            values.Add(JValue.CreateNull());
    }

    private static string RewriteReference(string reference, ISet<string> toBase)
    {
        if (!reference.StartsWith(ComponentPrefix, StringComparison.Ordinal))
            throw new NotSupportedException($"The spec uses a schema reference the fake cannot follow: {reference}.");
        var name = ComponentName(reference);
        return DefinitionPrefix + (toBase.Contains(name) ? name + BaseSuffix : name);
    }

    private static JObject Reference(string definition) => new() { ["$ref"] = DefinitionPrefix + definition };

    private static string ComponentName(string reference) => reference.Substring(ComponentPrefix.Length);
}
