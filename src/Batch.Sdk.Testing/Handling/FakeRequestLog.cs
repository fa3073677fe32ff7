using System.Collections.Generic;

namespace Batch.Sdk.Testing.Handling;

/// <summary>
/// The requests the fake keeps for <see cref="BatchFakeServer.Requests"/>: the most recent ones up to a capacity,
/// so that a long test run or a load test does not keep every body it ever received. Thread-safe.
/// </summary>
internal sealed class FakeRequestLog(int capacity)
{
    private readonly object _gate = new();
    private readonly Queue<BatchFakeRequest> _requests = new();

    public void Add(BatchFakeRequest request)
    {
        if (capacity == 0)
            return;
        lock (_gate)
        {
            _requests.Enqueue(request);
            while (_requests.Count > capacity)
                _requests.Dequeue();
        }
    }

    /// <summary>The kept requests, oldest first (a copy).</summary>
    public IReadOnlyList<BatchFakeRequest> Snapshot()
    {
        lock (_gate)
            return _requests.ToArray();
    }
}
