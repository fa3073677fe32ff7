using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Batch.Sdk.Testing.Spec;

/// <summary>A query or path parameter of an operation, the JSON Schema its value must satisfy, and its example.</summary>
internal sealed record SpecParameter(string Name, SpecParameterLocation Location, bool Required, JsonSchema Schema, JToken? Example);

/// <summary>Where a validated parameter is read from. Header parameters are the credentials, checked by authentication.</summary>
internal enum SpecParameterLocation
{
    Path,
    Query,
}
