using System;
using System.Collections.Generic;
using System.Linq;

namespace Batch.Sdk.Testing.Spec;

/// <summary>Finds the operation a request addresses from its method and path, the most specific template first.</summary>
internal sealed class SpecRouter
{
    private readonly SpecOperation[] _operations;

    public SpecRouter(IEnumerable<SpecOperation> operations)
    {
        _operations = operations.OrderByDescending(operation => operation.Path.LiteralCount).ToArray();
    }

    /// <summary>The operation and path values for <paramref name="method"/> <paramref name="path"/>, or null when no route fits.</summary>
    public SpecRoute? Route(string method, string path)
    {
        foreach (var operation in _operations)
        {
            if (!string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase))
                continue;
            var values = operation.Path.Match(path);
            if (values is not null)
                return new SpecRoute(operation, values);
        }

        return null;
    }
}

/// <summary>A request's operation and the values of its path parameters.</summary>
internal sealed record SpecRoute(SpecOperation Operation, IReadOnlyDictionary<string, string> PathValues);
