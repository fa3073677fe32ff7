using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// The order of a call, in one place. <see cref="BatchClient(BatchClientOptions)"/> and <c>AddBatch</c> build the same
/// HTTP pipeline here; the generated client's own stages run before and after it.
/// <code>
///  generated client  argument and path checks, body validation (Validation/), serialization (Serialization/)
///                    credentials and app key (Authentication/BatchAuthentication)
///  1. BatchResilienceHandler   total timeout → retry with Batch's rules (BatchRetryRules) → attempt timeout;
///                              inside each attempt, the whole body is read, capped (BatchResponseBuffer)
///  2. your handlers            AddHttpMessageHandler on the IHttpClientBuilder AddBatch returns, once per attempt
///  3. BatchSendGuard           credentials only to the base address; a create is never sent twice; 5 s after a 429
///  4. primary handler          connection pool; never follows redirects (BatchRedirects)
///  generated client  error mapping (Errors/BatchErrorResponse), deserialization (Serialization/)
/// </code>
/// </summary>
internal static class BatchHttpPipeline
{
    /// <summary>The HttpClient of a <see cref="BatchClient"/> that owns its pipeline, over <paramref name="transport"/>.</summary>
    public static HttpClient CreateHttpClient(BatchClientOptions options, HttpMessageHandler transport, bool disposeTransport, TimeProvider? time = null, ILogger? logger = null)
    {
        time ??= TimeProvider.System;
        logger ??= NullLogger.Instance;
        BatchRedirects.Disable(transport);
        var guard = new BatchSendGuard(options.BaseAddress, options.Retry.RateLimitDelay, time) { InnerHandler = disposeTransport ? transport : new CallerOwned(transport) };
        var pipeline = new BatchResilienceHandler(options, time, logger) { InnerHandler = guard };
        return new HttpClient(pipeline, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Puts the Batch stages around the handlers IHttpClientFactory collected for a Batch client: first the resilience
    /// handler, last the send guard. With the SDK's retries on, resilience handlers of the user's are removed (and
    /// named in a warning), so that one retry layer with Batch's rules remains.
    /// </summary>
    public static void Compose(IList<DelegatingHandler> handlers, HttpMessageHandler primary, string clientName, BatchClientOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Batch.Sdk");
        if (options.Retry.Enabled)
        {
            for (var i = handlers.Count - 1; i >= 0; i--)
            {
                if (IsResilienceHandler(handlers[i]))
                {
                    BatchPipelineLog.RemovedHandler(logger, handlers[i].GetType().FullName!, clientName);
                    handlers.RemoveAt(i);
                }
            }
        }

        handlers.Insert(0, new BatchResilienceHandler(options, time, logger));
        handlers.Add(new BatchSendGuard(options.BaseAddress, options.Retry.RateLimitDelay, time));
        BatchRedirects.Disable(primary);
    }

    /// <summary>
    /// Microsoft.Extensions.Http.Resilience's handler (<c>AddStandardResilienceHandler</c>, <c>AddResilienceHandler</c>,
    /// Aspire's defaults) and Microsoft.Extensions.Http.Polly's, recognised by type name so that the SDK does not depend on them.
    /// </summary>
    private static bool IsResilienceHandler(DelegatingHandler handler)
    {
        for (var type = handler.GetType(); type is not null && type != typeof(DelegatingHandler); type = type.BaseType)
        {
            if (type.FullName is "Microsoft.Extensions.Http.Resilience.ResilienceHandler" or "Microsoft.Extensions.Http.PolicyHttpMessageHandler")
                return true;
        }

        return false;
    }

    /// <summary>Keeps a caller's transport alive when the client built over it is disposed.</summary>
    private sealed class CallerOwned : DelegatingHandler
    {
        public CallerOwned(HttpMessageHandler transport) : base(transport)
        {
        }

        // Deliberately does not dispose the inner handler: it belongs to the caller.
        protected override void Dispose(bool disposing)
        {
        }
    }
}
