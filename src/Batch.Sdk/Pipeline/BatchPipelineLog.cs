using System;
using System.Net.Http;
using Batch.Sdk.Security;
using Microsoft.Extensions.Logging;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// The SDK pipeline's structured log events, with stable event ids for filters and alerts. Paths are masked
/// (<c>/1.1/***/campaigns/create</c>); no key, header or body is ever logged, and no exception is attached, because
/// its text is not ours to vouch for.
/// </summary>
/// <remarks>
/// 1001 <c>BatchRetry</c> (Warning), 1002 <c>BatchThrottled</c> (Warning), 1003 <c>BatchOutcomeUnknown</c> (Warning),
/// 1010 <c>BatchAttempt</c> (Information), 1011 <c>BatchOperationStart</c> (Debug), 1012 <c>BatchOperationEnd</c> (Debug),
/// 1020 <c>BatchResilienceHandlerRemoved</c> (Warning).
/// </remarks>
internal static partial class BatchPipelineLog
{
    [LoggerMessage(EventId = 1001, EventName = "BatchRetry", Level = LogLevel.Warning,
        Message = "Retrying {Operation} {Path} after attempt {Attempt} failed with {Status}; waiting {Delay}")]
    private static partial void Retry(ILogger logger, string operation, string path, int attempt, string status, TimeSpan delay);

    [LoggerMessage(EventId = 1002, EventName = "BatchThrottled", Level = LogLevel.Warning,
        Message = "Batch refused {Operation} {Path} with TOO_MANY_REQUESTS; waiting {Delay} before attempt {NextAttempt}")]
    private static partial void Throttle(ILogger logger, string operation, string path, TimeSpan delay, int nextAttempt);

    [LoggerMessage(EventId = 1003, EventName = "BatchOutcomeUnknown", Level = LogLevel.Warning,
        Message = "{Operation} {Method} {Path} may or may not have been carried out after {Attempts} attempt(s) ({Status}); it was not sent again")]
    private static partial void Unknown(ILogger logger, string operation, string method, string path, int attempts, string status);

    [LoggerMessage(EventId = 1010, EventName = "BatchAttempt", Level = LogLevel.Information,
        Message = "{Operation} {Method} {Path} answered {Status} in {ElapsedMilliseconds} ms")]
    private static partial void Attempt(ILogger logger, string operation, string method, string path, string status, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1011, EventName = "BatchOperationStart", Level = LogLevel.Debug,
        Message = "Starting {Operation} {Method} {Path}")]
    private static partial void Start(ILogger logger, string operation, string method, string path);

    [LoggerMessage(EventId = 1012, EventName = "BatchOperationEnd", Level = LogLevel.Debug,
        Message = "{Operation} {Method} {Path} ended {Outcome} after {Attempts} attempt(s) in {ElapsedMilliseconds} ms")]
    private static partial void End(ILogger logger, string operation, string method, string path, string outcome, int attempts, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1020, EventName = "BatchResilienceHandlerRemoved", Level = LogLevel.Warning,
        Message = "Removed {Handler} from the Batch HttpClient {Client}: the SDK retries with Batch's rules itself, and two retry layers would multiply attempts and could send a create twice. Set Retry.Enabled = false to use your own.")]
    public static partial void RemovedHandler(ILogger logger, string handler, string client);

    /// <summary>Logs a retry; a 429 is also logged as a throttle wait.</summary>
    public static void Retrying(ILogger logger, HttpRequestMessage request, int attempt, string status, TimeSpan delay)
    {
        if (!logger.IsEnabled(LogLevel.Warning))
            return;
        var operation = BatchOperation.Ensure(request).Id;
        var path = BatchRedactor.MaskedPath(request.RequestUri);
        Retry(logger, operation, path, attempt, status, delay);
        if (status == "429")
            Throttle(logger, operation, path, delay, attempt + 1);
    }

    /// <summary>Logs the outcome of one attempt: <paramref name="response"/>, or <paramref name="failure"/>.</summary>
    public static void Attempted(ILogger logger, HttpRequestMessage request, HttpResponseMessage? response, Exception? failure, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Information))
            Attempt(logger, BatchOperation.Ensure(request).Id, request.Method.Method, BatchRedactor.MaskedPath(request.RequestUri), Status(response, failure), elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// The status the logs show for an answer or a failure: the HTTP status, or what went wrong (<c>timeout</c>,
    /// <c>connection failure</c> before sending, <c>connection lost</c> after it, ...). Retry reasons are derived from it.
    /// </summary>
    public static string Status(HttpResponseMessage? response, Exception? failure) => response is not null
        ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : failure switch
        {
            BatchOutcomeUnknownException unknown => unknown.InnerException is TimeoutException ? "timeout" : "connection lost",
            BatchTransportException transport => transport.IsTimeout ? "timeout" : "connection failure",
            Polly.Timeout.TimeoutRejectedException or TimeoutException => "timeout",
            OperationCanceledException => "cancelled or timed out",
            null => "no answer",
            _ when BatchRetryRules.FailedBeforeSending(failure) => "connection failure",
            _ => "connection lost",
        };

    /// <summary>Logs the start of a call.</summary>
    public static void Starting(ILogger logger, BatchOperation operation, HttpRequestMessage request)
    {
        if (logger.IsEnabled(LogLevel.Debug))
            Start(logger, operation.Id, request.Method.Method, BatchRedactor.MaskedPath(request.RequestUri));
    }

    /// <summary>Logs the end of a call, and a warning when its outcome is unknown.</summary>
    public static void Ended(ILogger logger, BatchOperation operation, HttpRequestMessage request, string outcome, HttpResponseMessage? response, Exception? failure, TimeSpan elapsed)
    {
        if (outcome == "outcome_unknown" && logger.IsEnabled(LogLevel.Warning))
        {
            Unknown(logger, operation.Id, request.Method.Method, BatchRedactor.MaskedPath(request.RequestUri), operation.Attempts, Status(response, failure));
        }

        if (logger.IsEnabled(LogLevel.Debug))
            End(logger, operation.Id, request.Method.Method, BatchRedactor.MaskedPath(request.RequestUri), outcome, operation.Attempts, elapsed.TotalMilliseconds);
    }
}
