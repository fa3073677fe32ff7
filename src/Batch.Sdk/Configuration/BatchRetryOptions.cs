using System;
using System.Collections.Generic;

namespace Batch.Sdk;

/// <summary>
/// The SDK pipeline's retry policy and time limits: which failures are retried, how long to wait, and the time limits
/// of a call, which hold whether retries are on or off.
/// </summary>
/// <remarks>
/// TOO_MANY_REQUESTS (429), MAINTENANCE_ERROR (503) and connections that could not be opened are retried for every
/// operation. Server errors (500, 502, 504), timeouts and connections lost after sending are retried only for
/// operations that are safe to repeat (<see cref="Pipeline.BatchOperation.IsIdempotent"/>): a create or a
/// transactional send is never sent twice.
/// </remarks>
public sealed class BatchRetryOptions
{
    /// <summary>Timeouts are accepted between these bounds (Polly's timeout strategy takes more than 10 ms and less than a day).</summary>
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(11);

    private static readonly TimeSpan LongestTimeout = TimeSpan.FromHours(24) - TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Whether the SDK retries. Off, a call makes one attempt, and everything else still holds: <see cref="AttemptTimeout"/>
    /// and <see cref="TotalTimeout"/> bound the call and its body read, responses are capped, and no request that is not
    /// idempotent is ever sent twice. With <c>AddBatch</c>, on means that resilience handlers you add to the Batch client
    /// (such as <c>AddStandardResilienceHandler</c>) are removed, so there is one retry layer; off keeps yours.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Retries after the first attempt; 0 disables retries but keeps the timeouts. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// Minimum wait after TOO_MANY_REQUESTS (429), before jitter; a longer <c>Retry-After</c> wins. Batch asks for at
    /// least 5 seconds; lower values are refused. Default 5 seconds.
    /// </summary>
    public TimeSpan RateLimitDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// First back-off delay for 503, server errors and connection failures; doubles on each retry up to
    /// <see cref="MaxDelay"/>. Default 1 second.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Largest back-off delay (before jitter), and the longest <c>Retry-After</c> waited for: when Batch asks for a
    /// longer pause, its response is returned at once. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest random delay added to every wait, so that many clients do not retry in step. Default 1 second.</summary>
    public TimeSpan MaxJitter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Time limit of one attempt, from sending the request to receiving the whole response (the handler reads the
    /// small Batch responses before returning them). Default 30 seconds.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time limit of one call, all attempts and waits included; no wait starts that would end past it. Default 2 minutes.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    internal IEnumerable<string> Validate()
    {
        const string prefix = nameof(BatchClientOptions) + "." + nameof(BatchClientOptions.Retry) + ".";
        if (MaxRetries < 0)
            yield return prefix + nameof(MaxRetries) + " must not be negative.";
        if (RateLimitDelay < TimeSpan.FromSeconds(5))
            yield return prefix + nameof(RateLimitDelay) + " must be at least 5 seconds: Batch asks clients to wait at least 5 seconds after TOO_MANY_REQUESTS.";
        if (BaseDelay < TimeSpan.Zero)
            yield return prefix + nameof(BaseDelay) + " must not be negative.";
        if (MaxDelay < BaseDelay)
            yield return prefix + nameof(MaxDelay) + " must not be shorter than " + nameof(BaseDelay) + ".";
        if (MaxJitter < TimeSpan.Zero)
            yield return prefix + nameof(MaxJitter) + " must not be negative.";
        if (AttemptTimeout < ShortestTimeout || AttemptTimeout > LongestTimeout)
            yield return prefix + nameof(AttemptTimeout) + " must be more than 10 milliseconds and less than 24 hours.";
        if (TotalTimeout < ShortestTimeout || TotalTimeout > LongestTimeout)
            yield return prefix + nameof(TotalTimeout) + " must be more than 10 milliseconds and less than 24 hours.";
        if (MaxDelay > LongestTimeout)
            yield return prefix + nameof(MaxDelay) + " must be less than 24 hours.";
    }

    /// <summary>A copy, so that later changes to these options do not reach a pipeline built from them.</summary>
    internal BatchRetryOptions Clone() => (BatchRetryOptions)MemberwiseClone();
}
