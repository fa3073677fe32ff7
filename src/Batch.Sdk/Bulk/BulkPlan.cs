using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Bulk;

/// <summary>How one bulk operation is chunked, paced and sent.</summary>
internal sealed class BulkPlan<T>
{
    public BulkPlan(int chunkSize, Func<T, string?> identify, bool isIdempotent, Func<List<T>, int, CancellationToken, Task<IList<object>?>> send)
    {
        ChunkSize = chunkSize;
        Identify = identify;
        IsIdempotent = isIdempotent;
        Send = send;
    }

    /// <summary>The most items per call: the documented cap, or less when a quota's burst is smaller.</summary>
    public int ChunkSize { get; }

    /// <summary>The identifier whose updates must keep their input order (Custom ID, installation ID, item ID).</summary>
    public Func<T, string?> Identify { get; }

    /// <summary>The operation's <c>x-batch-idempotent</c>: whether a call whose outcome is unknown may be sent again.</summary>
    public bool IsIdempotent { get; }

    /// <summary>Sends chunk number <c>index</c> (0-based) and returns Batch's partial errors, if any.</summary>
    public Func<List<T>, int, CancellationToken, Task<IList<object>?>> Send { get; }

    /// <summary>Quotas counted in items: each chunk spends one permit per item.</summary>
    public IReadOnlyList<BulkPacer> ItemPacers { get; set; } = [];

    /// <summary>Quotas counted in requests: each chunk spends one permit.</summary>
    public IReadOnlyList<BulkPacer> RequestPacers { get; set; } = [];

    /// <summary>Whether nothing more is sent when the first chunk fails (an audience replace followed by adds).</summary>
    public bool StopIfFirstChunkFails { get; set; }
}
