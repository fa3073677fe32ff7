using System;

namespace Batch.Sdk.Bulk;

/// <summary>An item that Batch did not accept, or whose outcome is unknown, and why.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class BatchBulkFailure<T>
{
    internal BatchBulkFailure(T item, string reason, Exception? error, bool isRetryable)
    {
        Item = item;
        Reason = reason;
        Error = error;
        IsRetryable = isRetryable;
    }

    /// <summary>The item, as given.</summary>
    public T Item { get; }

    /// <summary>Why, in a sentence (never a key).</summary>
    public string Reason { get; }

    /// <summary>The exception the call ended with, if any (<see cref="BatchApiException"/>, <see cref="BatchOutcomeUnknownException"/>, ...).</summary>
    public Exception? Error { get; }

    /// <summary>
    /// Whether sending the item again may succeed (rate limiting, maintenance, a transient failure, or an earlier
    /// update of the same identifier that failed). False for items Batch refused as invalid, and for unknown outcomes.
    /// </summary>
    public bool IsRetryable { get; }

    /// <inheritdoc />
    public override string ToString() => Reason;
}
