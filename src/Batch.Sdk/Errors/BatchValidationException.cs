using System;
using System.Collections.Generic;

namespace Batch.Sdk;

/// <summary>
/// A request model breaks a constraint of the spec (a required field missing, a name too short, too many labels,
/// a value out of range). Thrown before anything is sent.
/// </summary>
public sealed class BatchValidationException : ArgumentException
{
    internal BatchValidationException(string modelName, IReadOnlyList<string> problems)
        : base($"The {modelName} is invalid, so nothing was sent to Batch: {string.Join(" ", problems)}")
    {
        Problems = problems;
    }

    /// <summary>One message per broken constraint, naming the property (never showing a key).</summary>
    public IReadOnlyList<string> Problems { get; }
}
