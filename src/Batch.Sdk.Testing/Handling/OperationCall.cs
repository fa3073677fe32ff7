using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Batch.Sdk.Testing.Spec;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Handling;

/// <summary>A request that passed authentication and validation, addressed to one operation.</summary>
internal sealed record OperationCall(
    SpecOperation Operation,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyDictionary<string, string> Query,
    JToken? Json)
{
    public string PathValue(string name) => PathValues[name];

    /// <summary>A validated integer query parameter, else the spec's default, else 0.</summary>
    public int QueryInt(string name)
    {
        if (Query.TryGetValue(name, out var value) && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return number;
        var fallback = Operation.Parameters.FirstOrDefault(parameter => parameter.Name == name)?.Schema.Default;
        return fallback is null ? 0 : Convert.ToInt32(fallback, CultureInfo.InvariantCulture);
    }

    /// <summary>A validated boolean query parameter, or null when absent.</summary>
    public bool? QueryBool(string name) =>
        Query.TryGetValue(name, out var value) && bool.TryParse(value, out var flag) ? flag : null;

    /// <summary>The body, validated as an object by the operation's schema.</summary>
    public JObject Body => (JObject)Json!;
}
