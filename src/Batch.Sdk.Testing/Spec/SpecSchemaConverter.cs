using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Batch.Sdk.Testing.Spec;

/// <summary>
/// Turns OpenAPI 3.0 schemas of the spec into JSON Schemas that NJsonSchema validates with:
/// <c>#/components/schemas/X</c> references become <c>#/definitions/X</c>, <c>nullable</c> becomes a <c>null</c>
/// type, OpenAPI-only keywords are dropped, and a reference to a schema with a <c>discriminator</c> becomes a
/// <c>oneOf</c> of the subtypes its mapping names, each pinned to its key (so a 2.8 message is checked against the
/// subtype its <c>channel_type</c> names).
/// </summary>
/// <remarks>
/// Strict mode checks examples, which the spec promises use declared properties only: every object without an
/// explicit <c>additionalProperties</c> is closed, and <c>allOf</c> is flattened first (closed parts of an
/// <c>allOf</c> would reject each other's properties). The components are read when first needed, not copied.
/// </remarks>
internal sealed class SpecSchemaConverter
{
    private const string ComponentPrefix = "#/components/schemas/";
    private const string DefinitionPrefix = "#/definitions/";
    private const string PolymorphicSuffix = "~polymorphic";

    /// <summary>Dropped keywords; <c>default</c> stays, as the fake fills in omitted parameters from it.</summary>
    private static readonly string[] OpenApiOnlyKeywords =
        ["nullable", "discriminator", "example", "examples", "xml", "externalDocs", "deprecated", "readOnly", "writeOnly"];

    private readonly JObject _components;
    private readonly bool _strict;
    private readonly Lazy<JObject> _definitions;
    private readonly Lazy<JsonSchema> _document;

    /// <param name="components">The spec's <c>components/schemas</c> object, in OpenAPI 3.0 form.</param>
    /// <param name="strict">Whether objects forbid undeclared properties (see the remarks).</param>
    public SpecSchemaConverter(JObject components, bool strict)
    {
        _components = components;
        _strict = strict;
        _definitions = new Lazy<JObject>(ConvertComponents, LazyThreadSafetyMode.ExecutionAndPublication);
        _document = new Lazy<JsonSchema>(() => Parse(new JObject { ["definitions"] = _definitions.Value.DeepClone() }), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The JSON Schema of an OpenAPI schema. A reference to a component is that component's definition in the
    /// document of all components (built once); an inline schema gets its own document, with the components only
    /// when it refers to them.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schema is not an object, or refers to something other than a component schema.</exception>
    public JsonSchema Compile(JToken schema)
    {
        if (Convert(schema, subtypeOf: null) is not JObject converted)
            throw new InvalidOperationException($"A schema must be an object: {schema}.");
        if (converted.Count == 1 && converted["$ref"] is JValue { Value: string pointer })
            return _document.Value.Definitions[pointer.Substring(DefinitionPrefix.Length)];
        if (converted.ToString().Contains("\"$ref\"", StringComparison.Ordinal))
            converted["definitions"] = _definitions.Value.DeepClone();
        return Parse(converted);
    }

    // NJsonSchema only offers an asynchronous reader; run it off any synchronization context.
    private static JsonSchema Parse(JObject document) =>
        Task.Run(() => JsonSchema.FromJsonAsync(document.ToString())).GetAwaiter().GetResult();

    private JObject ConvertComponents()
    {
        var definitions = new JObject();
        foreach (var component in _components.Properties())
        {
            definitions[component.Name] = Convert(component.Value, subtypeOf: component.Name);
            if (component.Value["discriminator"] is JObject discriminator)
                definitions[component.Name + PolymorphicSuffix] = Polymorphic(component.Name, discriminator);
        }

        return definitions;
    }

    /// <summary>Converts one schema; <paramref name="subtypeOf"/> names the component being converted, whose own compositions refer to its base.</summary>
    private JToken Convert(JToken node, string? subtypeOf)
    {
        if (node is not JObject schema)
            return node.DeepClone();
        // OpenAPI 3.0 ignores the siblings of a $ref.
        if (schema["$ref"] is JValue { Value: string reference })
            return Reference(reference, subtypeOf);
        if (_strict && schema["allOf"] is JArray)
            schema = Flatten(schema);

        var converted = new JObject();
        foreach (var keyword in schema.Properties())
        {
            if (OpenApiOnlyKeywords.Contains(keyword.Name) || keyword.Name.StartsWith("x-", StringComparison.Ordinal))
                continue;
            converted[keyword.Name] = keyword.Name switch
            {
                "properties" => new JObject(((JObject)keyword.Value).Properties()
                    .Select(property => new JProperty(property.Name, Convert(property.Value, subtypeOf: null)))),
                "items" or "additionalProperties" or "not" => Convert(keyword.Value, subtypeOf: null),
                "allOf" or "anyOf" or "oneOf" => new JArray(keyword.Value.Select(part => Convert(part, subtypeOf))),
                _ => keyword.Value.DeepClone(),
            };
        }

        if (schema["nullable"] is JValue { Type: JTokenType.Boolean } nullable && (bool)nullable)
            AllowNull(converted);
        if (_strict && IsObject(schema) && schema["additionalProperties"] is null)
            converted["additionalProperties"] = false;
        return converted;
    }

    private static void AllowNull(JObject schema)
    {
        if (schema["type"] is JValue { Type: JTokenType.String } type)
            schema["type"] = new JArray((string)type!, "null");
        if (schema["enum"] is JArray values && !values.Any(value => value.Type == JTokenType.Null))
            values.Add(JValue.CreateNull());
    }

    private JObject Polymorphic(string name, JObject discriminator)
    {
        var propertyName = (string)discriminator["propertyName"]!;
        var mapping = discriminator["mapping"] as JObject
                      ?? throw new InvalidOperationException($"The discriminator of {name} needs an explicit mapping (see the spec's conventions).");
        var dispatch = new JObject
        {
            ["oneOf"] = new JArray(mapping.Properties().Select(key => new JObject
            {
                ["allOf"] = new JArray(
                    Reference((string)key.Value!, subtypeOf: null),
                    new JObject { ["properties"] = new JObject { [propertyName] = new JObject { ["enum"] = new JArray(key.Name) } } }),
            })),
        };
        // The base is checked on its own, so that a broken base property is reported as itself rather than as "no
        // subtype matches". Strict mode leaves it to the subtypes: a closed base would reject their properties.
        if (!_strict)
            dispatch["allOf"] = new JArray(new JObject { ["$ref"] = DefinitionPrefix + name });
        return dispatch;
    }

    private JObject Reference(string reference, string? subtypeOf)
    {
        var name = ComponentName(reference);
        // A reference to a polymorphic base means "one of its subtypes", except from a subtype's own compositions.
        var polymorphic = Component(reference)["discriminator"] is not null && subtypeOf is null;
        return new JObject { ["$ref"] = DefinitionPrefix + name + (polymorphic ? PolymorphicSuffix : string.Empty) };
    }

    /// <summary>Merges the parts of an <c>allOf</c> (resolved, recursively) into one object schema.</summary>
    private JObject Flatten(JObject schema)
    {
        var merged = new JObject(schema.Properties().Where(property => property.Name != "allOf"));
        var properties = merged["properties"] as JObject ?? new JObject();
        var required = new HashSet<string>((merged["required"] as JArray ?? new JArray()).Values<string>().OfType<string>());
        foreach (var part in ((JArray)schema["allOf"]!).Select(Resolve))
        {
            var flat = part["allOf"] is JArray ? Flatten(part) : part;
            foreach (var property in (flat["properties"] as JObject ?? new JObject()).Properties())
                properties[property.Name] = property.Value.DeepClone();
            required.UnionWith((flat["required"] as JArray ?? new JArray()).Values<string>().OfType<string>());
            // A discriminated base may be open (the spec's CampaignMessage, for generators that type a list by its
            // base): its subtypes stay closed unless they are open themselves.
            foreach (var keyword in flat.Properties().Where(keyword => keyword.Name is not ("properties" or "required" or "discriminator") && merged[keyword.Name] is null
                         && !(keyword.Name == "additionalProperties" && flat["discriminator"] is not null)))
                merged[keyword.Name] = keyword.Value.DeepClone();
        }

        merged["properties"] = properties;
        if (required.Count > 0)
            merged["required"] = new JArray(required.OrderBy(name => name, StringComparer.Ordinal));
        merged["type"] ??= "object";
        return merged;
    }

    private JObject Resolve(JToken part)
    {
        while (part is JObject { } schema && schema["$ref"] is JValue { Value: string reference })
            part = Component(reference);
        return (JObject)part;
    }

    private JObject Component(string reference) =>
        _components[ComponentName(reference)] as JObject
        ?? throw new InvalidOperationException($"Unresolved schema reference {reference}.");

    private static string ComponentName(string reference) =>
        reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            ? reference.Substring(ComponentPrefix.Length)
            : throw new InvalidOperationException($"Only component schema references are supported: {reference}.");

    private static bool IsObject(JObject schema) => (string?)schema["type"] == "object" || schema["properties"] is not null;
}
