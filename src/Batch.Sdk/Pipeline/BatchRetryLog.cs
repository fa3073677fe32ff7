using System;
using Microsoft.Extensions.Logging;

namespace Batch.Sdk.Pipeline;

/// <summary>The structured log event written by <see cref="BatchRetryHandler"/> before each retry.</summary>
internal static class BatchRetryLog
{
    /// <summary>The event id of a retry, <c>1001 BatchRetry</c>, for log filters and alerts.</summary>
    public static readonly EventId RetryEvent = new(1001, "BatchRetry");

    private static readonly Action<ILogger, string, string, int, string, TimeSpan, Exception?> Retry =
        LoggerMessage.Define<string, string, int, string, TimeSpan>(
            LogLevel.Warning,
            RetryEvent,
            "Retrying {Operation} {Path} after attempt {Attempt} failed with {Status}; waiting {Delay}");

    /// <summary>Logs a retry. The path must already be masked; no exception is attached, because its text is not ours to vouch for.</summary>
    public static void Retrying(ILogger logger, BatchRequestSummary request, int attempt, string status, TimeSpan delay) =>
        Retry(logger, request.OperationId ?? request.Method, request.Path, attempt, status, delay, null);
}
