using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Batch.Sdk.Testing.Spec;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Batch.Sdk.ContractTests.Spec;

/// <summary>
/// Validates values against the spec's schemas, converted by the fake's <see cref="SpecSchemaConverter"/>; strict
/// mode (for examples) forbids undeclared properties. Conversions are cached per spec document, so a mutated
/// <see cref="SpecDocument.Clone"/> gets its own.
/// </summary>
internal static class SpecSchemas
{
    private static readonly ConcurrentDictionary<(JObject Root, bool Strict), SpecSchemaConverter> Converters = new();
    private static readonly ConcurrentDictionary<(JObject Root, string Schema, bool Strict), JsonSchema> Schemas = new();

    /// <summary>The problems of <paramref name="value"/> against <paramref name="schema"/>, one line each; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(SpecDocument spec, JToken schema, JToken? value, bool strict)
    {
        var jsonSchema = Schemas.GetOrAdd((spec.Root, schema.ToString(), strict), key =>
            Converters.GetOrAdd((key.Root, key.Strict), converter => new SpecSchemaConverter((JObject)converter.Root["components"]!["schemas"]!, converter.Strict))
                .Compile(schema));
        return jsonSchema.Validate(value ?? JValue.CreateNull()).Select(Describe).ToList();
    }

    private static string Describe(ValidationError error) => error switch
    {
        ChildSchemaValidationError child => $"{error.Path}: {error.Kind} ({string.Join("; ", child.Errors.SelectMany(branch => branch.Value).Select(Describe))})",
        _ => $"{error.Path}: {error.Kind}",
    };
}
