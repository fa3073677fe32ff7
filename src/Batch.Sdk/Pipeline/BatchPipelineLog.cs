using System;
using System.Net.Http;
using Batch.Sdk.Security;
using Microsoft.Extensions.Logging;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// The SDK pipeline's structured log events. Paths are masked (<c>/1.1/***/campaigns/create</c>); no key, header or
/// body is ever logged, and no exception is attached, because its text is not ours to vouch for.
/// </summary>
internal static class BatchPipelineLog
{
    /// <summary>The event id of a retry, <c>1001 BatchRetry</c>, for log filters and alerts.</summary>
    public static readonly EventId RetryEvent = new(1001, "BatchRetry");

    /// <summary>An attempt was sent; replaces IHttpClientFactory's default request log, which writes the app key.</summary>
    public static readonly EventId AttemptEvent = new(1010, "BatchAttempt");

    /// <summary>A resilience handler of the user's was removed from a Batch client whose own retries are on.</summary>
    public static readonly EventId HandlerRemovedEvent = new(1020, "BatchResilienceHandlerRemoved");

    private static readonly Action<ILogger, string, string, int, string, TimeSpan, Exception?> Retry =
        LoggerMessage.Define<string, string, int, string, TimeSpan>(
            LogLevel.Warning,
            RetryEvent,
            "Retrying {Operation} {Path} after attempt {Attempt} failed with {Status}; waiting {Delay}");

    private static readonly Action<ILogger, string, string, string, string, double, Exception?> Attempt =
        LoggerMessage.Define<string, string, string, string, double>(
            LogLevel.Information,
            AttemptEvent,
            "{Operation} {Method} {Path} answered {Status} in {ElapsedMilliseconds} ms");

    private static readonly Action<ILogger, string, string, Exception?> HandlerRemoved =
        LoggerMessage.Define<string, string>(
            LogLevel.Warning,
            HandlerRemovedEvent,
            "Removed {Handler} from the Batch HttpClient {Client}: the SDK retries with Batch's rules itself, and two retry layers would multiply attempts and could send a create twice. Set Retry.Enabled = false to use your own.");

    /// <summary>Logs a retry.</summary>
    public static void Retrying(ILogger logger, HttpRequestMessage request, int attempt, string status, TimeSpan delay)
    {
        if (logger.IsEnabled(LogLevel.Warning))
            Retry(logger, BatchOperation.Ensure(request).Id, BatchRedactor.MaskedPath(request.RequestUri), attempt, status, delay, null);
    }

    /// <summary>Logs the outcome of one attempt.</summary>
    public static void Attempted(ILogger logger, HttpRequestMessage request, string status, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Information))
            Attempt(logger, BatchOperation.Ensure(request).Id, request.Method.Method, BatchRedactor.MaskedPath(request.RequestUri), status, elapsed.TotalMilliseconds, null);
    }

    /// <summary>Logs the removal of a resilience handler from a Batch client.</summary>
    public static void RemovedHandler(ILogger logger, string handler, string client) => HandlerRemoved(logger, handler, client, null);
}
