using System;
using System.Collections.Generic;
using System.Linq;

namespace Batch.Sdk.Bulk;

/// <summary>
/// What a bulk run did: how many items Batch accepted, which failed and why, which have an unknown outcome, and which
/// were read but not sent. To resume, send <see cref="Retryable"/>, then the input after the first <see cref="Read"/> items.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class BatchBulkResult<T>
{
    internal BatchBulkResult(
        long read, long accepted, IReadOnlyList<BatchBulkFailure<T>> failed, IReadOnlyList<BatchBulkFailure<T>> unknown,
        IReadOnlyList<T> notSent, IReadOnlyList<object> partialErrors, bool inputExhausted, int chunks, int throttled, TimeSpan elapsed)
    {
        Read = read;
        Accepted = accepted;
        Failed = failed;
        Unknown = unknown;
        NotSent = notSent;
        PartialErrors = partialErrors;
        InputExhausted = inputExhausted;
        Chunks = chunks;
        Throttled = throttled;
        Elapsed = elapsed;
    }

    /// <summary>Items read from the input. Items after these were not read, hence not sent.</summary>
    public long Read { get; }

    /// <summary>Items Batch accepted (answered with a success, possibly with <see cref="PartialErrors"/>).</summary>
    public long Accepted { get; }

    /// <summary>Items Batch did not accept, in no particular order, each with the reason and whether a retry may succeed.</summary>
    public IReadOnlyList<BatchBulkFailure<T>> Failed { get; }

    /// <summary>
    /// Items whose call may or may not have been carried out (a lost connection or a 5xx on an operation that is not
    /// safe to repeat, see <see cref="BatchOutcomeUnknownException"/>). They were not sent again; check them
    /// before sending them again yourself.
    /// </summary>
    public IReadOnlyList<BatchBulkFailure<T>> Unknown { get; }

    /// <summary>Items read from the input but not sent because the run was cancelled or stopped (at most one chunk).</summary>
    public IReadOnlyList<T> NotSent { get; }

    /// <summary>The per-item errors Batch reported in accepted calls (<c>SUCCESS_WITH_PARTIAL_ERRORS</c>), as Batch sent them.</summary>
    public IReadOnlyList<object> PartialErrors { get; }

    /// <summary>Whether the input was read to its end.</summary>
    public bool InputExhausted { get; }

    /// <summary>Calls made.</summary>
    public int Chunks { get; }

    /// <summary>TOO_MANY_REQUESTS answers seen, including those the retry policy absorbed.</summary>
    public int Throttled { get; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Whether every item was read and accepted.</summary>
    public bool Succeeded => InputExhausted && Failed.Count == 0 && Unknown.Count == 0 && NotSent.Count == 0;

    /// <summary>The items worth sending again: retryable failures, then items read but not sent. Unknown outcomes are left out.</summary>
    public IEnumerable<T> Retryable => Failed.Where(failure => failure.IsRetryable).Select(failure => failure.Item).Concat(NotSent);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Accepted:N0} accepted, {Failed.Count:N0} failed, {Unknown.Count:N0} unknown, {NotSent.Count:N0} not sent of {Read:N0} read in {Elapsed.TotalSeconds:N1} s";
}
