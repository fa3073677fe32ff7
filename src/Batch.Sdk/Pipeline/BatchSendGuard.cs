using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Errors;
using Batch.Sdk.Security;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// The last handler before the network, below every handler of the user's (such as a standard resilience handler), so
/// that Batch's safety rules hold whatever retries above it: credentials only go to the configured origin, a request
/// that is not idempotent is never sent again once it may have reached Batch, and a request Batch refused with
/// TOO_MANY_REQUESTS is not sent again before the wait Batch asked for (at least 5 seconds) has passed.
/// </summary>
internal sealed class BatchSendGuard : DelegatingHandler
{
    private readonly Uri _origin;
    private readonly TimeSpan _rateLimitDelay;
    private readonly TimeProvider _time;

    public BatchSendGuard(Uri baseAddress, TimeSpan rateLimitDelay, TimeProvider time)
    {
        _origin = baseAddress;
        _rateLimitDelay = rateLimitDelay;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = BatchOperation.Ensure(request);
        if (!IsSameOrigin(request.RequestUri, _origin))
        {
            throw new InvalidOperationException(
                $"{operation.Id} was about to be sent to another origin than {nameof(BatchClientOptions)}.{nameof(BatchClientOptions.BaseAddress)}; " +
                "the SDK sends its credentials nowhere else. No request was sent.");
        }

        if (operation.MayHaveBeenDelivered && !operation.IsIdempotent)
        {
            throw new BatchOutcomeUnknownException(
                operation.Id, request.Method.Method, BatchRedactor.MaskedPath(request.RequestUri), operation.Attempts,
                new InvalidOperationException(
                    "A handler of the HttpClient pipeline (such as a resilience handler) tried to send the request again after it " +
                    "may have reached Batch; the SDK refused, because repeating it could do it twice."));
        }

        if (operation.RateLimitedAt is long refusedAt)
        {
            var remaining = operation.RateLimitWait - _time.GetElapsedTime(refusedAt);
            if (remaining > TimeSpan.Zero)
                await BatchClock.Delay(_time, remaining, cancellationToken).ConfigureAwait(false);
        }

        if (operation.HasBeenSent)
            operation.Attempts++;
        operation.HasBeenSent = true;

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            if (!BatchRetryRules.FailedBeforeSending(failure))
                operation.MayHaveBeenDelivered = true;
            throw;
        }

        var status = (int)response.StatusCode;
        if (status == 429)
        {
            operation.RateLimitedAt = _time.GetTimestamp();
            var asked = BatchRetryAfter.Of(response, _time.GetUtcNow());
            operation.RateLimitWait = asked > _rateLimitDelay ? asked.Value : _rateLimitDelay;
            // The bulk sender's pacer slows down on every 429, including those a retry absorbs.
            BatchThrottleScope.OnThrottled(operation.RateLimitWait);
        }
        else if (!BatchRetryRules.IsRefusal(status))
        {
            operation.MayHaveBeenDelivered = true;
        }

        return response;
    }

    /// <summary>Same scheme, host and port.</summary>
    internal static bool IsSameOrigin(Uri? uri, Uri origin) =>
        uri is { IsAbsoluteUri: true } &&
        Uri.Compare(uri, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
