using System;
using System.Net.Http;

namespace Batch.Sdk.Pipeline;

/// <summary>Builds the HTTP pipeline of a <see cref="BatchClient"/> that owns its HttpClient.</summary>
internal static class BatchHttpClientFactory
{
    public static HttpClient Create(BatchClientOptions options) =>
        new(CreatePrimaryHandler(), disposeHandler: true)
        {
            // Time limits are the retry policy's (per attempt and per call), not HttpClient's.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

    internal static HttpMessageHandler CreatePrimaryHandler()
    {
#if NET5_0_OR_GREATER
        // Recycles pooled connections so that DNS changes are seen, as IHttpClientFactory would.
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
#else
        return new HttpClientHandler();
#endif
    }
}
