using System;
using System.Collections.Generic;
using System.Linq;

namespace Batch.Sdk.Validation;

/// <summary>Checks of values that are placed in request paths.</summary>
internal static class BatchArgument
{
    /// <summary>
    /// A path value must name one resource: not blank, and not <c>.</c> or <c>..</c>, which URI normalisation would
    /// turn into another route. Other characters, <c>/</c> included, are escaped by the generated code.
    /// </summary>
    public static void EnsurePathValue(string? value, string parameterName)
    {
        if (value is null)
            throw new ArgumentNullException(parameterName);
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{parameterName} must not be empty or whitespace. No request was sent.", parameterName);
        if (value == "." || value == "..")
            throw new ArgumentException($"{parameterName} must not be a dot segment ('.' or '..'). No request was sent.", parameterName);
    }

    /// <summary>Rejects a request body with more items than the operation accepts (profiles update: 200).</summary>
    public static void EnsureMaxItems<T>(IEnumerable<T> items, int maxItems, string parameterName)
    {
        var count = items.Count();
        if (count > maxItems)
            throw new BatchValidationException(
                $"request body ({parameterName})",
                new[] { $"It has {count} items; this operation accepts at most {maxItems}, so split the batch." });
    }

    /// <summary>Rejects a missing or malformed key (see <see cref="Security.BatchKeys"/>) before anything is sent; the message never shows the value.</summary>
    public static string EnsureKey(string? value, string parameterName) =>
        Security.BatchKeys.Problem(value, parameterName, required: true) is { } problem
            ? throw new ArgumentException(problem + " No request was sent.", parameterName)
            : value!;
}
