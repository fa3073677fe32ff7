using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Spec;

/// <summary>
/// The documented Batch errors of each family (HTTP status and example body), collected from the error responses
/// of the spec's operations, so that the fake answers with exactly the documented shapes and messages.
/// </summary>
internal sealed class SpecErrorCatalog
{
    private readonly Dictionary<(ApiFamily, string), (int Status, JObject Body)> _errors = new();

    /// <summary>Records an error example; the first one seen for a family and name wins.</summary>
    public void Add(ApiFamily family, string name, int status, JObject body)
    {
        if (!_errors.ContainsKey((family, name)))
            _errors[(family, name)] = (status, body);
    }

    /// <summary>The documented status and body of an error, with <paramref name="message"/> in place of the example's when given.</summary>
    /// <exception cref="InvalidOperationException">The spec documents no such error for the family.</exception>
    public (int Status, JObject Body) Get(ApiFamily family, string name, string? message = null)
    {
        if (!_errors.TryGetValue((family, name), out var error))
            throw new InvalidOperationException($"The spec documents no {name} error for the {family} APIs.");
        var body = (JObject)error.Body.DeepClone();
        if (message is not null)
            body[family.MessageProperty()] = message;
        return (error.Status, body);
    }
}
