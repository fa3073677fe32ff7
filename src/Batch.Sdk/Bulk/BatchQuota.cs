using System;
using System.Threading.RateLimiting;

namespace Batch.Sdk.Bulk;

/// <summary>
/// One of Batch's rate limits, in the limit's own unit (profile updates, audience IDs, catalog items or requests),
/// as <see cref="BatchBulk"/> paces it.
/// </summary>
/// <remarks>
/// By default the bulk sender paces each quota with an in-process token bucket
/// (<see cref="TokenBucketRateLimiter"/>) of <see cref="Burst"/> times <see cref="BatchBulkOptions.BurstUtilization"/>
/// tokens (at least one chunk), refilled at <see cref="PermitsPerSecond"/> times <see cref="BatchBulkOptions.TargetUtilization"/>. Set <see cref="Limiter"/> to share the quota with other
/// processes (for example a Redis token bucket, so that a fleet of service instances shares one project's budget).
/// </remarks>
public sealed class BatchQuota
{
    /// <summary>Creates a quota.</summary>
    /// <param name="permitsPerSecond">The documented rate; 0 for an operation without a published rate.</param>
    /// <param name="burst">The bucket size: how many permits may be spent at once.</param>
    public BatchQuota(double permitsPerSecond, int burst)
    {
        PermitsPerSecond = permitsPerSecond;
        Burst = burst;
    }

    /// <summary>
    /// The rate, in permits per second (0: no published rate, so nothing is paced, but a 429 still pauses sending).
    /// Also the reference rate for slowing down after a 429 when <see cref="Limiter"/> is set.
    /// </summary>
    public double PermitsPerSecond { get; set; }

    /// <summary>The most permits that may be spent at once (the token bucket's size). A chunk never holds more items than this.</summary>
    public int Burst { get; set; }

    /// <summary>
    /// Replaces the built-in token bucket, for example with a limiter shared through Redis. Permits are requested in
    /// the quota's unit (one per profile, ID or item; one per request for request quotas). A lease that is not
    /// acquired is asked for again after its <see cref="MetadataName.RetryAfter"/>, or after a short poll. The bulk
    /// sender does not dispose it.
    /// </summary>
    public RateLimiter? Limiter { get; set; }

    /// <summary>A quota with no published rate: nothing is paced; a 429 still pauses sending for the wait Batch asks.</summary>
    /// <returns>A new quota.</returns>
    public static BatchQuota Unpaced() => new(0, 0);

    internal void Validate(string name)
    {
        if (double.IsNaN(PermitsPerSecond) || PermitsPerSecond < 0)
            throw new ArgumentException($"{name}.{nameof(PermitsPerSecond)} must be 0 or more.");
        if (PermitsPerSecond > 0 && Burst < 1)
            throw new ArgumentException($"{name}.{nameof(Burst)} must be at least 1 when a rate is set.");
    }
}
