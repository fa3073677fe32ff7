using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Batch.Sdk.Pipeline;

namespace Batch.Sdk.Bulk;

/// <summary>
/// Paces one quota: a token bucket (or the caller's limiter) in the quota's unit, a pause after a 429 for the wait Batch
/// asked for, and a slow-down factor that halves on every 429 and recovers step by step as chunks are accepted.
/// </summary>
internal sealed class BulkPacer : IDisposable
{
    /// <summary>The slowest a run gets after repeated 429s: a tenth of the quota.</summary>
    internal const double MinimumFactor = 0.1;

    /// <summary>How much of the quota each accepted chunk gives back after a slow-down.</summary>
    internal const double RecoveryStep = 0.05;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private readonly RateLimiter? _limiter;
    private readonly bool _ownsLimiter;
    private readonly double _rate;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private double _factor = 1;
    private long _pausedUntil;
    private long _debt;
    private int _throttled;

    /// <param name="quota">The quota.</param>
    /// <param name="cap">The most permits one call spends (the documented items per call, or 1 for request quotas).</param>
    /// <param name="options">The utilisation targets and the clock.</param>
    public BulkPacer(BatchQuota quota, int cap, BatchBulkOptions options)
    {
        _time = options.TimeProvider;
        _rate = quota.PermitsPerSecond;
        if (quota.Limiter is not null)
        {
            _limiter = quota.Limiter;
            MaxPermits = quota.PermitsPerSecond > 0 ? Math.Min(cap, quota.Burst) : cap;
        }
        else if (quota.PermitsPerSecond > 0)
        {
            // A bucket smaller than Batch's leaves room there for requests the network delivers bunched together. Where
            // one call would fill Batch's whole bucket (mass update: 10,000 a call, no burst), calls are made smaller
            // too, or a call arriving a few milliseconds early would find the bucket short and be refused.
            var bucket = Math.Max(1, (int)Math.Ceiling(quota.Burst * options.BurstUtilization));
            MaxPermits = Math.Min(cap, bucket);
            _limiter = CreateTokenBucket(quota.PermitsPerSecond * options.TargetUtilization, Math.Max(MaxPermits, bucket));
            _ownsLimiter = true;
        }
        else
        {
            MaxPermits = cap;
        }
    }

    /// <summary>The most permits one acquisition may ask for (a chunk is never larger).</summary>
    public int MaxPermits { get; }

    /// <summary>The current fraction of the quota aimed at: 1 until a 429, then lower.</summary>
    public double Factor
    {
        get
        {
            lock (_gate)
                return _factor;
        }
    }

    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Waits until <paramref name="permits"/> may be spent: any pause after a 429, the bucket, then the slow-down.</summary>
    public async Task AcquireAsync(int permits, CancellationToken cancellationToken)
    {
        await WaitOutPauseAsync(cancellationToken).ConfigureAwait(false);
        if (_limiter is not null)
        {
            // Chunks the retry policy sent again after a 429 spent Batch's quota a second time: pay that first.
            for (var debt = Interlocked.Exchange(ref _debt, 0); debt > 0; debt -= MaxPermits)
                await TakeAsync((int)Math.Min(debt, MaxPermits), cancellationToken).ConfigureAwait(false);
            if (permits > 0)
                await TakeAsync(permits, cancellationToken).ConfigureAwait(false);
        }

        var factor = Factor;
        if (factor < 1 && _rate > 0)
        {
            // Spending the permits took permits/rate of the quota's time; at a fraction f of the quota it takes 1/f as long.
            var extra = TimeSpan.FromSeconds(permits / _rate * (1 / factor - 1));
            await BatchClock.Delay(_time, extra, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Batch answered 429: pause every chunk of this quota for <paramref name="wait"/>, halve the pace, and charge the
    /// <paramref name="permits"/> of the refused call again, since the retry policy sends it again.
    /// </summary>
    public void OnThrottled(TimeSpan wait, int permits)
    {
        Interlocked.Increment(ref _throttled);
        Interlocked.Add(ref _debt, permits);
        var until = _time.GetTimestamp() + (long)(wait.TotalSeconds * _time.TimestampFrequency);
        lock (_gate)
        {
            _factor = Math.Max(MinimumFactor, _factor / 2);
            if (until > _pausedUntil)
                _pausedUntil = until;
        }
    }

    /// <summary>A chunk was accepted: recover part of the pace lost to earlier 429s.</summary>
    public void OnAccepted()
    {
        lock (_gate)
            _factor = Math.Min(1, _factor + RecoveryStep);
    }

    public void Dispose()
    {
        if (_ownsLimiter)
            _limiter!.Dispose();
    }

    private async Task TakeAsync(int permits, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var lease = await _limiter!.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
            if (lease.IsAcquired)
                return;
            // Limiters that do not queue (a Redis bucket) refuse at once: ask again when they say, or after a poll.
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : Poll;
            await BatchClock.Delay(_time, wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitOutPauseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            long until;
            lock (_gate)
                until = _pausedUntil;
            var now = _time.GetTimestamp();
            if (now >= until)
                return;
            var remaining = TimeSpan.FromSeconds((until - now) / (double)_time.TimestampFrequency);
            await BatchClock.Delay(_time, remaining, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A token bucket refilled about every 10 ms (it grants waiting requests on each refill) with a whole number of
    /// tokens, the period chosen so that the refill rate is exactly <paramref name="perSecond"/>.
    /// </summary>
    internal static TokenBucketRateLimiter CreateTokenBucket(double perSecond, int burst)
    {
        var tokensPerPeriod = Math.Max(1, (int)Math.Ceiling(perSecond / 100));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromTicks((long)(tokensPerPeriod / perSecond * TimeSpan.TicksPerSecond)),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
