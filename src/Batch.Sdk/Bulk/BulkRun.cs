using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

using Batch.Sdk.Pipeline;

namespace Batch.Sdk.Bulk;

/// <summary>
/// One bulk run: reads the input a chunk at a time, keeps each identifier's updates in input order, paces every chunk,
/// sends at most <see cref="BatchBulkOptions.MaxParallelism"/> chunks at once, and sorts each item into accepted,
/// failed or unknown. Memory holds the chunks in flight and the failures, never the whole input.
/// </summary>
internal sealed class BulkRun<T>
{
    private static readonly TimeSpan DefaultThrottleWait = TimeSpan.FromSeconds(5);
    private readonly BulkPlan<T> _plan;
    private readonly int _parallelism;
    private readonly TimeProvider _time;
    private readonly IProgress<BatchBulkProgress>? _progress;
    private readonly object _gate = new();
    private readonly List<BatchBulkFailure<T>> _failed = [];
    private readonly List<BatchBulkFailure<T>> _unknown = [];
    private readonly List<object> _partialErrors = [];
    private readonly Dictionary<string, Chunk> _inFlight = new(StringComparer.Ordinal);
    private readonly HashSet<string> _blocked = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _sending = [];
    private long _started;
    private long _read;
    private long _accepted;
    private int _chunks;
    private int _throttled;

    public BulkRun(BulkPlan<T> plan, int parallelism, TimeProvider time, IProgress<BatchBulkProgress>? progress)
    {
        _plan = plan;
        _parallelism = parallelism;
        _time = time;
        _progress = progress;
    }

    private IEnumerable<BulkPacer> Pacers
    {
        get
        {
            foreach (var pacer in _plan.ItemPacers)
                yield return pacer;
            foreach (var pacer in _plan.RequestPacers)
                yield return pacer;
        }
    }

    public async Task<BatchBulkResult<T>> RunAsync(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        _started = _time.GetTimestamp();
        using var slots = new SemaphoreSlim(_parallelism, _parallelism);
        List<T> notSent = [];
        var exhausted = false;
        var cancelled = false;
        var enumerator = items.GetAsyncEnumerator(cancellationToken);
        try
        {
            for (var index = 0; !exhausted; index++)
            {
                try
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }

                var items_ = new List<T>(Math.Min(_plan.ChunkSize, 1024));
                try
                {
                    while (items_.Count < _plan.ChunkSize)
                    {
                        if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                        {
                            exhausted = true;
                            break;
                        }

                        items_.Add(enumerator.Current);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    AddRead(items_.Count);
                    notSent = items_;
                    slots.Release();
                    cancelled = true;
                    break;
                }

                AddRead(items_.Count);
                if (items_.Count == 0)
                {
                    slots.Release();
                    break;
                }

                // Chunks are dispatched in input order; one that shares an identifier with a chunk still in flight
                // waits for it, so that Batch receives each identifier's updates in the order given.
                var chunk = new Chunk(items_);
                var earlier = Register(chunk);
                if (earlier.Count > 0)
                    await Task.WhenAll(earlier).ConfigureAwait(false);
                var sendable = HoldBackBlocked(chunk);
                if (sendable.Count == 0)
                {
                    Complete(chunk, accepted: false);
                    slots.Release();
                    continue;
                }

                try
                {
                    foreach (var pacer in _plan.ItemPacers)
                        await pacer.AcquireAsync(sendable.Count, cancellationToken).ConfigureAwait(false);
                    foreach (var pacer in _plan.RequestPacers)
                        await pacer.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    notSent = sendable;
                    Complete(chunk, accepted: false, blockOnFailure: false);
                    slots.Release();
                    cancelled = true;
                    break;
                }

                var sending = SendAsync(chunk, sendable, index, slots);
                lock (_gate)
                    _sending.Add(sending);
                // A finished send is forgotten at once: its task would otherwise keep the chunk's items alive.
                _ = sending.ContinueWith(static (task, state) => ((BulkRun<T>)state!).Forget(task), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                if (index == 0)
                {
                    // The first chunk goes alone: it opens the connection and warms the send path, so that the chunks
                    // after it reach Batch spaced as they were paced rather than bunched behind a slow first call.
                    await sending.ConfigureAwait(false);
                    if (_plan.StopIfFirstChunkFails && !chunk.Accepted)
                        break;
                }
            }
        }
        finally
        {
            // Chunks already sent are awaited, even on cancellation, so that their outcome is known.
            Task[] sending;
            lock (_gate)
                sending = _sending.ToArray();
            await Task.WhenAll(sending).ConfigureAwait(false);
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }

        var result = Snapshot(notSent, exhausted && notSent.Count == 0);
        if (cancelled)
            throw new BatchBulkCancelledException<T>(result, cancellationToken);
        return result;
    }

    private async Task SendAsync(Chunk chunk, List<T> items, int index, SemaphoreSlim slots)
    {
        // Yield so that the dispatcher goes on reading the next chunk while this one is sent.
        await Task.Yield();
        var throttleSeen = false;
        try
        {
            IList<object>? partialErrors;
            using (BatchThrottleScope.Observe(wait =>
            {
                throttleSeen = true;
                Interlocked.Increment(ref _throttled);
                OnThrottled(wait, items.Count);
            }))
            {
                // Not the caller's token: a chunk once sent is seen through, so that its outcome is known.
                partialErrors = await _plan.Send(items, index, CancellationToken.None).ConfigureAwait(false);
            }

            foreach (var pacer in Pacers)
                pacer.OnAccepted();
            lock (_gate)
            {
                _accepted += items.Count;
                if (partialErrors is not null)
                    _partialErrors.AddRange(partialErrors);
            }

            Complete(chunk, accepted: true);
        }
        catch (Exception exception)
        {
            if (exception is BatchApiException { IsRateLimited: true } limited && !throttleSeen)
            {
                Interlocked.Increment(ref _throttled);
                // Not sent again by the retry policy: nothing to charge again.
                OnThrottled(limited.RetryAfter is { } asked && asked > DefaultThrottleWait ? asked : DefaultThrottleWait, 0);
            }

            Record(items, exception);
            Complete(chunk, accepted: false);
        }
        finally
        {
            Interlocked.Increment(ref _chunks);
            try
            {
                _progress?.Report(Progress());
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private void Forget(Task sending)
    {
        lock (_gate)
            _sending.Remove(sending);
    }

    private void OnThrottled(TimeSpan wait, int items)
    {
        foreach (var pacer in _plan.ItemPacers)
            pacer.OnThrottled(wait, items);
        foreach (var pacer in _plan.RequestPacers)
            pacer.OnThrottled(wait, items > 0 ? 1 : 0);
    }

    private void Record(List<T> items, Exception exception)
    {
        var (reason, retryable, unknown) = Classify(exception);
        lock (_gate)
        {
            var list = unknown ? _unknown : _failed;
            foreach (var item in items)
                list.Add(new BatchBulkFailure<T>(item, reason, exception, retryable));
        }
    }

    /// <summary>Sorts a failed call: its reason, whether sending again may succeed, and whether its outcome is unknown.</summary>
    private (string Reason, bool Retryable, bool Unknown) Classify(Exception exception) => exception switch
    {
        // Never sent again where the operation is not idempotent: Batch may have carried it out.
        BatchOutcomeUnknownException when !_plan.IsIdempotent => (exception.Message, false, true),
        BatchOutcomeUnknownException => (exception.Message, true, false),
        BatchApiException api => (api.Message, api.IsRateLimited || api.IsMaintenance || api.StatusCode >= 500, false),
        ArgumentException => (exception.Message, false, false),
        TimeoutException or HttpRequestException or IOException => (exception.Message, true, false),
        _ => ($"{exception.GetType().Name}: {exception.Message}", false, false),
    };

    private void AddRead(int count)
    {
        lock (_gate)
            _read += count;
    }

    /// <summary>Records the chunk's identifiers as in flight and returns the chunks still in flight that share one.</summary>
    private List<Task> Register(Chunk chunk)
    {
        var earlier = new List<Task>();
        lock (_gate)
        {
            foreach (var item in chunk.Items)
            {
                if (_plan.Identify(item) is not { } id)
                    continue;
                if (_inFlight.TryGetValue(id, out var previous) && previous != chunk)
                    earlier.Add(previous.Done.Task);
                _inFlight[id] = chunk;
            }
        }

        return earlier;
    }

    /// <summary>
    /// Items whose identifier had an earlier update fail or end unknown are not sent (a later update must not overtake
    /// it); they fail as retryable, to be sent again after the earlier one.
    /// </summary>
    private List<T> HoldBackBlocked(Chunk chunk)
    {
        lock (_gate)
        {
            if (_blocked.Count == 0)
                return chunk.Items;
            var sendable = new List<T>(chunk.Items.Count);
            foreach (var item in chunk.Items)
            {
                if (_plan.Identify(item) is { } id && _blocked.Contains(id))
                    _failed.Add(new BatchBulkFailure<T>(item, "Not sent: an earlier update of the same identifier failed or has an unknown outcome, and updates keep their input order.", null, true));
                else
                    sendable.Add(item);
            }

            return sendable;
        }
    }

    private void Complete(Chunk chunk, bool accepted, bool blockOnFailure = true)
    {
        chunk.Accepted = accepted;
        lock (_gate)
        {
            foreach (var item in chunk.Items)
            {
                if (_plan.Identify(item) is not { } id)
                    continue;
                if (_inFlight.TryGetValue(id, out var current) && current == chunk)
                    _inFlight.Remove(id);
                if (!accepted && blockOnFailure)
                    _blocked.Add(id);
            }
        }

        chunk.Done.TrySetResult(true);
    }

    private BatchBulkProgress Progress()
    {
        lock (_gate)
        {
            return new BatchBulkProgress(_read, _accepted, _failed.Count, _unknown.Count, Volatile.Read(ref _chunks), Throttled(), _time.GetElapsedTime(_started));
        }
    }

    private int Throttled() => Volatile.Read(ref _throttled);

    private BatchBulkResult<T> Snapshot(List<T> notSent, bool exhausted)
    {
        lock (_gate)
        {
            return new BatchBulkResult<T>(
                _read, _accepted, _failed.ToArray(), _unknown.ToArray(), notSent.ToArray(), _partialErrors.ToArray(),
                exhausted, _chunks, Throttled(), _time.GetElapsedTime(_started));
        }
    }

    private sealed class Chunk(List<T> items)
    {
        public List<T> Items { get; } = items;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Accepted { get; set; }
    }
}
