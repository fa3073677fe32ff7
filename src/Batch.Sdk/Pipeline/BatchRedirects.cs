using System;
using System.Net.Http;
using Batch.Sdk.Errors;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// The redirect policy: the SDK never follows a redirect. Its primary handlers have automatic redirects off, so a 3xx
/// reaches the generated client, where a documented one is the operation's result and any other becomes a
/// <see cref="BatchApiException"/> carrying the <c>Location</c>. .NET strips only <c>Authorization</c> when it follows a
/// redirect, so following one would hand <c>X-Authorization</c>, <c>X-Batch-Project</c> and the body to another host.
/// </summary>
internal static class BatchRedirects
{
    /// <summary>The transport of clients the SDK builds: pooled connections, no automatic redirects.</summary>
    public static HttpMessageHandler CreatePrimaryHandler()
    {
#if NET5_0_OR_GREATER
        // Recycles pooled connections so that DNS changes are seen, as IHttpClientFactory would.
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AllowAutoRedirect = false };
#else
        return new HttpClientHandler { AllowAutoRedirect = false };
#endif
    }

    /// <summary>
    /// Turns automatic redirects off on the transports .NET provides. Another handler type is the user's choice: a
    /// redirect it follows is detected afterwards (<see cref="IsSameTarget"/>) and fails the call.
    /// </summary>
    public static void Disable(HttpMessageHandler primary)
    {
        switch (primary)
        {
#if NET5_0_OR_GREATER
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
#endif
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
#if !NET5_0_OR_GREATER
            default:
                // The netstandard2.0 build cannot name SocketsHttpHandler, the default transport of .NET Core 2.1 and
                // later (and of IHttpClientFactory there): its AllowAutoRedirect is reached by name.
                var allowAutoRedirect = primary.GetType().GetProperty(nameof(HttpClientHandler.AllowAutoRedirect), typeof(bool));
                if (allowAutoRedirect is { CanWrite: true })
                    allowAutoRedirect.SetValue(primary, false);
                break;
#endif
        }
    }

    /// <summary>Whether the request was still addressed to <paramref name="sent"/> when its answer came (a followed redirect changes it).</summary>
    public static bool IsSameTarget(Uri? answered, Uri? sent) =>
        ReferenceEquals(answered, sent) ||
        (answered is not null && sent is not null &&
         Uri.Compare(answered, sent, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped, StringComparison.Ordinal) == 0);

    /// <summary>The error for an answer that came from a redirect the HttpClient followed; never retried.</summary>
    public static BatchApiException Followed(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var headers = BatchResponseHeaders.Collect(response);
        response.Dispose();
        return new BatchApiException(
            "The HttpClient followed a redirect to another address, which the SDK never does: the answer was discarded. " +
            "Use AddBatch or new BatchClient(options) (their transports never follow redirects), or turn AllowAutoRedirect off.",
            status, null, headers, null);
    }
}
