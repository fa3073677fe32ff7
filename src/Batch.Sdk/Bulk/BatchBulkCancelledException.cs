using System;
using System.Threading;

namespace Batch.Sdk.Bulk;

/// <summary>
/// A bulk run was cancelled. Sending stopped between chunks: chunks already sent were awaited, so
/// <see cref="Result"/> says what Batch accepted, what failed and what was read but not sent.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class BatchBulkCancelledException<T> : OperationCanceledException
{
    internal BatchBulkCancelledException(BatchBulkResult<T> result, CancellationToken cancellationToken)
        : base($"The bulk run was cancelled between chunks: {result}.", cancellationToken)
    {
        Result = result;
    }

    /// <summary>What was done before the run stopped.</summary>
    public BatchBulkResult<T> Result { get; }
}
