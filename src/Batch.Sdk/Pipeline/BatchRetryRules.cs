using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using Batch.Sdk.Errors;
using Polly.Timeout;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// Batch's retry rules, defined once: which outcome of an attempt may be retried and after how long. Used by the SDK's
/// own pipeline and by <see cref="BatchResilience.CreateRetryStrategy"/> for users who bring their own pipeline.
/// </summary>
/// <remarks>
/// TOO_MANY_REQUESTS (429) waits max(<see cref="BatchRetryOptions.RateLimitDelay"/>, <c>Retry-After</c>) plus jitter;
/// MAINTENANCE_ERROR (503) and connections that could not be opened back off exponentially (honouring a longer
/// <c>Retry-After</c>); 500, 502, 504, timeouts and connections lost after sending are retried only for operations that
/// are safe to repeat. A <c>Retry-After</c> longer than <see cref="BatchRetryOptions.MaxDelay"/> ends the call at once.
/// </remarks>
internal sealed class BatchRetryRules
{
    private readonly BatchRetryOptions _options;
    private readonly Random _random = new();

    public BatchRetryRules(BatchRetryOptions options) => _options = options;

    /// <summary>
    /// The wait before retrying after an attempt of <paramref name="operation"/> (attempt 1 is the first), or null
    /// when the outcome is final. <paramref name="response"/> or <paramref name="failure"/> is the outcome;
    /// <paramref name="time"/> is read only when a <c>Retry-After</c> date has to be compared with now.
    /// </summary>
    public TimeSpan? Delay(BatchOperation operation, int attempt, HttpResponseMessage? response, Exception? failure, TimeProvider time)
    {
        if (attempt > _options.MaxRetries)
            return null;
        if (response is not null)
        {
            var status = (int)response.StatusCode;
            if (status == 429)
                return HonourRetryAfter(response, _options.RateLimitDelay, time);
            if (status == 503 || (operation.IsIdempotent && MayHaveBeenCarriedOut(status)))
                return HonourRetryAfter(response, Backoff(attempt), time);
            return null;
        }

        if (failure is null || !IsTransient(failure))
            return null;
        return FailedBeforeSending(failure) || operation.IsIdempotent ? Backoff(attempt) + Jitter() : null;
    }

    /// <summary>
    /// 500, 502 and 504: the request reached a server that failed while handling it, or a gateway that gave up waiting
    /// for Batch, so it may have been carried out. Only operations that are safe to repeat are retried.
    /// </summary>
    public static bool MayHaveBeenCarriedOut(int status) => status is 500 or 502 or 504;

    /// <summary>Whether Batch refused the request without carrying it out: 429 TOO_MANY_REQUESTS or 503 MAINTENANCE_ERROR.</summary>
    public static bool IsRefusal(int status) => status is 429 or 503;

    /// <summary>A failure of the network or of an attempt's time limit, as opposed to a bug or the caller cancelling.</summary>
    public static bool IsTransient(Exception failure) =>
        failure is HttpRequestException or IOException or TimeoutRejectedException or TimeoutException;

    /// <summary>Whether the connection failed before the request could be written, so Batch cannot have received it.</summary>
    public static bool FailedBeforeSending(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError })
            return true;
#endif
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
                return true;
        }

        return false;
    }

    /// <summary>Waits at least as long as <c>Retry-After</c> asks, or gives up when it asks for more than <see cref="BatchRetryOptions.MaxDelay"/>.</summary>
    private TimeSpan? HonourRetryAfter(HttpResponseMessage response, TimeSpan policyDelay, TimeProvider time)
    {
        var asked = BatchRetryAfter.Of(response, time.GetUtcNow());
        if (asked > _options.MaxDelay)
            return null;
        return (asked > policyDelay ? asked.Value : policyDelay) + Jitter();
    }

    private TimeSpan Backoff(int attempt)
    {
        var doubled = _options.BaseDelay.Ticks * Math.Pow(2, attempt - 1);
        return doubled >= _options.MaxDelay.Ticks ? _options.MaxDelay : TimeSpan.FromTicks((long)doubled);
    }

    private TimeSpan Jitter()
    {
        double fraction;
        lock (_random)
            fraction = _random.NextDouble();
        return TimeSpan.FromTicks((long)(_options.MaxJitter.Ticks * fraction));
    }
}
