using System;
using System.Collections.Generic;

namespace Batch.Sdk;

/// <summary>
/// The built-in retry policy (<see cref="Pipeline.BatchRetryHandler"/>): which failures are retried, how long to wait,
/// and the time limits of a call.
/// </summary>
/// <remarks>
/// TOO_MANY_REQUESTS (429), MAINTENANCE_ERROR (503) and connections that could not be opened are retried for every
/// operation. Server errors (500, 502, 504), timeouts and connections lost after sending are retried only for
/// operations that are safe to repeat (<see cref="Pipeline.BatchOperation.IsIdempotent"/>): a create or a
/// transactional send is never sent twice.
/// </remarks>
public sealed class BatchRetryOptions
{
    /// <summary>The longest timeout accepted: timers and <see cref="System.Net.Http.HttpClient.Timeout"/> stop at about 24.8 days.</summary>
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromDays(24);

    /// <summary>
    /// Whether <see cref="BatchClient"/> adds the built-in retry handler to the HTTP pipeline it builds. Turn it off to
    /// bring your own resilience pipeline; <see cref="TotalTimeout"/> then becomes the HttpClient's timeout.
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
        if (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > LongestTimeout)
            yield return prefix + nameof(AttemptTimeout) + " must be positive and at most 24 days.";
        if (TotalTimeout <= TimeSpan.Zero || TotalTimeout > LongestTimeout)
            yield return prefix + nameof(TotalTimeout) + " must be positive and at most 24 days.";
    }
}
