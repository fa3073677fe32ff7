using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using Batch.Sdk.Pipeline;

namespace Batch.Sdk.Telemetry;

/// <summary>
/// The SDK's traces and metrics (<see cref="BatchTelemetry.SourceName"/>): one span per operation around all its
/// attempts, and the instruments an operator alerts on. Nothing is recorded, and nothing allocated, when nobody listens.
/// Attributes and tags never carry a key, a token, a path value or a body: the route is the spec's template.
/// </summary>
internal static class BatchInstrumentation
{
    internal static readonly ActivitySource Source = new(BatchTelemetry.SourceName, BatchSdkInfo.Version);

    internal static readonly Meter Meter = new(BatchTelemetry.MeterName, BatchSdkInfo.Version);

    /// <summary>OpenTelemetry's recommended buckets for HTTP client durations, in seconds.</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "batch.client.operation.duration", "s", "Duration of Batch operations, all attempts and waits included.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "batch.client.retries", "{retry}", "Attempts retried, by reason: 429, 503, 5xx, timeout or connection.");

    private static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "batch.client.rate_limited", "{response}", "TOO_MANY_REQUESTS (429) answers received.");

    private static readonly Counter<long> OutcomeUnknown = Meter.CreateCounter<long>(
        "batch.client.outcome_unknown", "{operation}", "Operations not safe to repeat whose outcome is unknown (not sent again).");

    private static readonly UpDownCounter<long> Active = Meter.CreateUpDownCounter<long>(
        "batch.client.active_operations", "{operation}", "Operations in flight.");

    /// <summary>Starts what is recorded for a call, if anyone listens; the returned state ends it.</summary>
    public static CallTelemetry Start(BatchOperation operation, HttpRequestMessage request, long timestamp)
    {
        var traced = Source.HasListeners();
        var measured = Duration.Enabled || Active.Enabled;
        if (!traced && !measured)
            return default;

        var route = Route.Of(operation);
        Activity? span = null;
        if (traced)
        {
            span = Source.StartActivity(operation.Id, ActivityKind.Internal);
            if (span is { IsAllDataRequested: true })
            {
                span.SetTag("http.request.method", request.Method.Method);
                span.SetTag("server.address", request.RequestUri?.Host);
                span.SetTag("server.port", request.RequestUri?.Port);
                span.SetTag("url.template", route.Template);
                span.SetTag("batch.operation", operation.Id);
                span.SetTag("batch.api.family", route.Family);
                span.SetTag("batch.api.version", route.Version);
            }

            operation.Span = span;
        }

        if (Active.Enabled)
            Active.Add(1, new KeyValuePair<string, object?>("batch.operation", operation.Id));
        return new CallTelemetry(span, timestamp, measured);
    }

    /// <summary>Records one retry and its reason (and, for a 429, the throttle wait) on the call's span and metrics.</summary>
    public static void RecordRetry(BatchOperation operation, string reason, TimeSpan delay)
    {
        if (reason == "429")
            operation.RateLimitWaits++;
        if (Retries.Enabled)
            Retries.Add(1, new("batch.operation", operation.Id), new("batch.retry.reason", reason));
        operation.Span?.AddEvent(new ActivityEvent("batch.retry", tags: new ActivityTagsCollection
        {
            ["batch.retry.reason"] = reason,
            ["batch.retry.delay_ms"] = delay.TotalMilliseconds,
        }));
    }

    /// <summary>Counts a 429 answer, whether or not it is retried.</summary>
    public static void RecordRateLimited(BatchOperation operation)
    {
        if (RateLimited.Enabled)
            RateLimited.Add(1, new KeyValuePair<string, object?>("batch.operation", operation.Id));
    }

    /// <summary>
    /// Records a call refused before anything was sent (a path value or a batch size the spec forbids): a span with
    /// <c>error.type</c> and no HTTP child. Always returns false, for use in an exception filter.
    /// </summary>
    public static bool RecordRefusal(BatchOperation operation, Exception exception)
    {
        if (!Source.HasListeners())
            return false;
        using var span = Source.StartActivity(operation.Id, ActivityKind.Internal);
        if (span is null)
            return false;
        var route = Route.Of(operation);
        span.SetTag("url.template", route.Template);
        span.SetTag("batch.operation", operation.Id);
        span.SetTag("batch.api.family", route.Family);
        span.SetTag("batch.api.version", route.Version);
        span.SetTag("batch.attempts", 0);
        span.SetTag("error.type", exception.GetType().FullName);
        span.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        return false;
    }

    /// <summary>What a running call records when it ends.</summary>
    internal readonly struct CallTelemetry
    {
        private readonly Activity? _span;
        private readonly long _started;
        private readonly bool _measured;

        public CallTelemetry(Activity? span, long started, bool measured)
        {
            _span = span;
            _started = started;
            _measured = measured;
        }

        /// <summary>Ends the call: <paramref name="response"/> or <paramref name="failure"/> is how it ended.</summary>
        /// <returns>The outcome, from a small fixed vocabulary (<c>success</c>, <c>outcome_unknown</c>, ...).</returns>
        public string End(BatchOperation operation, HttpResponseMessage? response, Exception? failure, TimeProvider time)
        {
            var status = response is null ? (int?)null : (int)response.StatusCode;
            var outcome = Outcome(operation, status, failure);
            if (_span is null && !_measured)
                return outcome;
            var errorType = ErrorType(status, failure);

            if (_span is not null)
            {
                if (_span.IsAllDataRequested)
                {
                    if (status is int code)
                        _span.SetTag("http.response.status_code", code);
                    _span.SetTag("batch.attempts", operation.Attempts);
                    _span.SetTag("batch.outcome", outcome);
                    _span.SetTag("batch.outcome_unknown", outcome == "outcome_unknown");
                    _span.SetTag("batch.rate_limit.waits", operation.RateLimitWaits);
                    if (errorType is not null)
                        _span.SetTag("error.type", errorType);
                    if (response is not null && status >= 400)
                    {
                        var error = Errors.BatchErrorDetails.From(status.Value, (response.Content as BatchResponseBuffer)?.ReadText(), null);
                        _span.SetTag("batch.error.name", error.Name);
                        _span.SetTag("batch.error.code", error.Code);
                    }
                }

                if (errorType is not null)
                    _span.SetStatus(ActivityStatusCode.Error, errorType);
                _span.Dispose();
                operation.Span = null;
            }

            if (!_measured)
                return outcome;
            var tags = new TagList
            {
                { "batch.operation", operation.Id },
                { "batch.outcome", outcome },
            };
            if (status is int statusCode)
                tags.Add("http.response.status_code", statusCode);
            if (errorType is not null)
                tags.Add("error.type", errorType);
            Duration.Record(time.GetElapsedTime(_started).TotalSeconds, tags);
            if (Active.Enabled)
                Active.Add(-1, new KeyValuePair<string, object?>("batch.operation", operation.Id));
            if (outcome == "outcome_unknown" && OutcomeUnknown.Enabled)
                OutcomeUnknown.Add(1, new KeyValuePair<string, object?>("batch.operation", operation.Id));
            return outcome;
        }

        /// <summary>
        /// A small, fixed vocabulary, so that metrics stay bounded. A 500, 502 or 504 to a request that is not safe to
        /// repeat is an unknown outcome: the client turns it into <see cref="BatchOutcomeUnknownException"/>.
        /// </summary>
        private static string Outcome(BatchOperation operation, int? status, Exception? failure) => failure switch
        {
            null when status is >= 200 and < 400 => "success",
            null when BatchRetryRules.MayHaveBeenCarriedOut(status ?? 0) => operation.IsIdempotent ? "server_error" : "outcome_unknown",
            null => "api_error",
            BatchOutcomeUnknownException => "outcome_unknown",
            OperationCanceledException => "cancelled",
            BatchTransportException => "transport_error",
            BatchApiException => "api_error",
            _ => "error",
        };

        /// <summary>OpenTelemetry's <c>error.type</c>: the status code for an error answer, else the exception type.</summary>
        private static string? ErrorType(int? status, Exception? failure) => failure switch
        {
            null when status >= 400 => status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null => null,
            BatchTransportException { IsTimeout: true } => "timeout",
            _ => failure.GetType().FullName,
        };
    }

    /// <summary>The route of an operation as telemetry shows it: the spec template, the API family and version.</summary>
    private readonly struct Route
    {
        private Route(string template, string family, string version)
        {
            Template = template;
            Family = family;
            Version = version;
        }

        public string Template { get; }

        public string Family { get; }

        public string Version { get; }

        public static Route Of(BatchOperation operation)
        {
            if (operation.UrlTemplate is not { } template)
                return new Route("(unknown)", "(unknown)", "(unknown)");
            var end = template.IndexOf('/', 1);
            var version = end > 1 ? template.Substring(1, end - 1) : "(unknown)";
            return new Route(template, BatchRoutes.IsAppApi(version) ? "app" : "project", version);
        }
    }
}
