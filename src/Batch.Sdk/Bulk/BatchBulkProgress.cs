using System;

namespace Batch.Sdk.Bulk;

/// <summary>Where a bulk run stands; reported through <see cref="IProgress{T}"/> after each chunk.</summary>
public sealed class BatchBulkProgress
{
    internal BatchBulkProgress(long read, long accepted, long failed, long unknown, int chunks, int throttled, TimeSpan elapsed)
    {
        Read = read;
        Accepted = accepted;
        Failed = failed;
        Unknown = unknown;
        Chunks = chunks;
        Throttled = throttled;
        Elapsed = elapsed;
    }

    /// <summary>Items read from the input so far.</summary>
    public long Read { get; }

    /// <summary>Items Batch accepted.</summary>
    public long Accepted { get; }

    /// <summary>Items that failed (see <see cref="BatchBulkResult{T}.Failed"/>).</summary>
    public long Failed { get; }

    /// <summary>Items whose outcome is unknown (see <see cref="BatchBulkResult{T}.Unknown"/>).</summary>
    public long Unknown { get; }

    /// <summary>Calls completed.</summary>
    public int Chunks { get; }

    /// <summary>TOO_MANY_REQUESTS answers seen, including those the retry policy absorbed.</summary>
    public int Throttled { get; }

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Accepted items per second so far.</summary>
    public double AcceptedPerSecond => Elapsed > TimeSpan.Zero ? Accepted / Elapsed.TotalSeconds : 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Accepted:N0} accepted, {Failed:N0} failed, {Unknown:N0} unknown of {Read:N0} read in {Elapsed.TotalSeconds:N1} s ({AcceptedPerSecond:N0}/s)";
}
