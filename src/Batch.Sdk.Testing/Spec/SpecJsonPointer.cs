using System;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Spec;

/// <summary>Follows local <c>$ref</c> pointers (<c>#/components/examples/X</c>) in the spec's raw JSON.</summary>
internal static class SpecJsonPointer
{
    /// <summary>The node <paramref name="node"/> refers to, following references until one is not; null stays null.</summary>
    /// <exception cref="InvalidOperationException">A reference is not local, points nowhere, or is part of a cycle.</exception>
    public static JToken? Resolve(JObject document, JToken? node)
    {
        // A bounded walk: a reference cycle in the spec must not hang the reader.
        for (var hops = 0; hops < 16; hops++)
        {
            if (node is not JObject { } obj || obj["$ref"] is not JValue { Type: JTokenType.String } reference)
                return node;
            node = Find(document, (string)reference!);
        }

        throw new InvalidOperationException("The spec has a reference cycle.");
    }

    private static JToken Find(JObject document, string pointer)
    {
        if (!pointer.StartsWith("#/", StringComparison.Ordinal))
            throw new InvalidOperationException($"Only local references are supported: {pointer}.");
        JToken? node = document;
        foreach (var segment in pointer.Substring(2).Split('/'))
            node = node?[segment.Replace("~1", "/").Replace("~0", "~")];
        return node ?? throw new InvalidOperationException($"Unresolved reference {pointer}.");
    }
}
