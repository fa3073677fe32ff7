using System;
using System.Collections.Generic;

namespace Batch.Sdk;

/// <summary>The built-in retry policy: which failures are retried, how long to wait, and the time limits of a call.</summary>
public sealed class BatchRetryOptions
{
    /// <summary>Whether the built-in retry handler is used. Turn it off to bring your own resilience pipeline.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Retries after the first attempt; 0 disables retries but keeps the timeouts. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Minimum wait after TOO_MANY_REQUESTS (429). Batch asks for at least 5 seconds; lower values are refused.</summary>
    public TimeSpan RateLimitDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First back-off delay for 503 and transient failures; doubles on each retry. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest back-off delay (before jitter), and the largest Retry-After honoured. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest random delay added to every wait, so that many clients do not retry in step. Default 1 second.</summary>
    public TimeSpan MaxJitter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time limit of one attempt, from sending the request to receiving the response headers. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one call, all attempts and waits included. Default 2 minutes.</summary>
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
        if (AttemptTimeout <= TimeSpan.Zero)
            yield return prefix + nameof(AttemptTimeout) + " must be positive.";
        if (TotalTimeout <= TimeSpan.Zero)
            yield return prefix + nameof(TotalTimeout) + " must be positive.";
    }
}
