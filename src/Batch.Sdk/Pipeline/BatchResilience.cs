using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// Batch's retry rules as Polly v8 strategies, for users who turn the SDK's retries off
/// (<see cref="BatchRetryOptions.Enabled"/> = false) and bring their own resilience pipeline: add
/// <see cref="CreateRetryStrategy"/> to it rather than a generic retry.
/// </summary>
/// <example>
/// <code>
/// services.AddBatch(o => { o.RestApiKey = "..."; o.Retry.Enabled = false; })
///     .AddResilienceHandler("batch", pipeline => pipeline.AddRetry(BatchResilience.CreateRetryStrategy(new BatchRetryOptions())));
/// </code>
/// </example>
public static class BatchResilience
{
    /// <summary>
    /// The key under which the request being sent is kept in the <see cref="ResilienceContext"/>; the same key
    /// Microsoft.Extensions.Http.Resilience uses, so the strategy works in its handlers and in the SDK's.
    /// </summary>
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Resilience.Http.RequestMessage");

    /// <summary>When the SDK's pipeline started the call (a <see cref="TimeProvider"/> timestamp).</summary>
    internal static readonly ResiliencePropertyKey<long> StartedKey = new("Batch.Sdk.Started");

    private static readonly ResiliencePropertyKey<TimeSpan> DelayKey = new("Batch.Sdk.RetryDelay");

    /// <summary>
    /// A retry strategy with Batch's rules: TOO_MANY_REQUESTS (429) waits max(<see cref="BatchRetryOptions.RateLimitDelay"/>,
    /// <c>Retry-After</c>) plus jitter; MAINTENANCE_ERROR (503) and connections that could not be opened back off
    /// exponentially; 500, 502, 504, timeouts and connections lost after sending are retried only for operations that
    /// are safe to repeat (<see cref="BatchOperation.IsIdempotent"/>), so a create is never sent twice.
    /// </summary>
    /// <param name="options">The delays and the number of retries; <see cref="BatchRetryOptions.Enabled"/> is ignored.</param>
    /// <param name="logger">Receives one warning per retry (event 1001 <c>BatchRetry</c>, app key masked); nothing by default.</param>
    /// <returns>Options for <c>ResiliencePipelineBuilder&lt;HttpResponseMessage&gt;.AddRetry</c>.</returns>
    /// <exception cref="ArgumentException">The options are invalid (for example, a rate-limit delay under 5 seconds).</exception>
    public static RetryStrategyOptions<HttpResponseMessage> CreateRetryStrategy(BatchRetryOptions options, ILogger? logger = null)
    {
        if (options is null)
            throw new ArgumentNullException(nameof(options));
        var problems = string.Join(" ", options.Validate());
        if (problems.Length > 0)
            throw new ArgumentException(problems, nameof(options));
        return CreateRetryOptions(options.Clone(), TimeProvider.System, logger ?? NullLogger.Instance);
    }

    /// <summary>The SDK's own pipeline: total timeout, then retries with Batch's rules, then the attempt timeout.</summary>
    internal static ResiliencePipeline<HttpResponseMessage> CreatePipeline(BatchRetryOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "Batch.Sdk", TimeProvider = time };
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "Batch.Sdk.TotalTimeout", Timeout = options.TotalTimeout });
        if (options.Enabled && options.MaxRetries > 0)
            builder.AddRetry(CreateRetryOptions(options, time, logger));
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "Batch.Sdk.AttemptTimeout", Timeout = options.AttemptTimeout });
        return builder.Build();
    }

    private static RetryStrategyOptions<HttpResponseMessage> CreateRetryOptions(BatchRetryOptions options, TimeProvider time, ILogger logger)
    {
        var rules = new BatchRetryRules(options);
        return new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "Batch.Sdk.Retry",
            MaxRetryAttempts = options.MaxRetries,
            // The rules decide here, with the wait, because only ShouldHandle can end the call: a Retry-After beyond
            // MaxDelay, or a wait that would end past the SDK's total timeout, returns the last outcome at once.
            ShouldHandle = arguments =>
            {
                var context = arguments.Context;
                if (context.CancellationToken.IsCancellationRequested || !context.Properties.TryGetValue(RequestKey, out var request))
                    return new ValueTask<bool>(false);
                var operation = BatchOperation.Ensure(request);
                var delay = rules.Delay(operation, arguments.AttemptNumber + 1, arguments.Outcome.Result, arguments.Outcome.Exception, time);
                if (delay is not TimeSpan wait || EndsPastTotalTimeout(context, wait, options.TotalTimeout, time))
                    return new ValueTask<bool>(false);
                context.Properties.Set(DelayKey, wait);
                return new ValueTask<bool>(true);
            },
            DelayGenerator = arguments => new ValueTask<TimeSpan?>(arguments.Context.Properties.GetValue(DelayKey, TimeSpan.Zero)),
            OnRetry = arguments =>
            {
                if (arguments.Context.Properties.TryGetValue(RequestKey, out var request))
                {
                    var status = BatchPipelineLog.Status(arguments.Outcome.Result, arguments.Outcome.Exception);
                    BatchPipelineLog.Retrying(logger, request, arguments.AttemptNumber + 1, status, arguments.RetryDelay);
                    Telemetry.BatchInstrumentation.RecordRetry(BatchOperation.Ensure(request), Reason(status), arguments.RetryDelay);
                }

                return default;
            },
        };
    }

    private static bool EndsPastTotalTimeout(ResilienceContext context, TimeSpan wait, TimeSpan total, TimeProvider time) =>
        context.Properties.TryGetValue(StartedKey, out var started) && time.GetElapsedTime(started) + wait >= total;

    /// <summary>The retry reason metrics are tagged with: <c>429</c>, <c>503</c>, <c>5xx</c>, <c>timeout</c> or <c>connection</c>.</summary>
    private static string Reason(string status) => status switch
    {
        "429" or "503" or "timeout" => status,
        "connection failure" or "connection lost" => "connection",
        _ => "5xx",
    };
}
