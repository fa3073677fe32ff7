using System;
using System.Net.Http;

namespace Batch.Sdk.Pipeline;

/// <summary>Builds the HTTP pipeline of a <see cref="BatchClient"/> that owns its HttpClient.</summary>
internal static class BatchHttpClientFactory
{
    /// <summary>
    /// With retries enabled, the retry handler enforces the time limits (per attempt and per call), so HttpClient has
    /// none; without it, <see cref="BatchRetryOptions.TotalTimeout"/> becomes HttpClient's timeout.
    /// </summary>
    public static HttpClient Create(BatchClientOptions options)
    {
        var retry = options.Retry;
        var handler = retry.Enabled ? new BatchRetryHandler(retry) { InnerHandler = CreatePrimaryHandler() } : CreatePrimaryHandler();
        return new HttpClient(handler, disposeHandler: true) { Timeout = HttpClientTimeout(retry) };
    }

    /// <summary>The HttpClient timeout that goes with the retry options, for owned and IHttpClientFactory clients alike.</summary>
    public static TimeSpan HttpClientTimeout(BatchRetryOptions retry) =>
        retry.Enabled ? System.Threading.Timeout.InfiniteTimeSpan : retry.TotalTimeout;

    /// <summary>Never follows redirects: the keys would go to whatever host a redirect names.</summary>
    internal static HttpMessageHandler CreatePrimaryHandler()
    {
#if NET5_0_OR_GREATER
        // Recycles pooled connections so that DNS changes are seen, as IHttpClientFactory would.
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AllowAutoRedirect = false };
#else
        return new HttpClientHandler { AllowAutoRedirect = false };
#endif
    }
}
