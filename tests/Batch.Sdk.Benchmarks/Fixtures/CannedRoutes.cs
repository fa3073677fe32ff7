using System;
using System.Net;

namespace Batch.Sdk.Benchmarks.Fixtures;

/// <summary>Maps a request to its canned status and body, the same way for the stub handler and the loopback server.</summary>
public static class CannedRoutes
{
    /// <summary>The answer to <paramref name="method"/> on <paramref name="path"/> (the path after the host, without the query).</summary>
    public static (HttpStatusCode Status, byte[] Body) Answer(string method, string path)
    {
        if (method == "POST" && path.EndsWith("/campaigns/create", StringComparison.Ordinal) && path.StartsWith("/1.1/", StringComparison.Ordinal))
            return (HttpStatusCode.Created, CannedResponses.PushCreated);
        if (method == "POST" && path == "/2.8/campaigns/update")
            return (HttpStatusCode.OK, CannedResponses.CampaignUpdated);
        if (method == "GET" && path.Contains("/in-app-campaigns/", StringComparison.Ordinal))
            return (HttpStatusCode.OK, CannedResponses.InAppCampaign);
        if (method == "GET" && path.EndsWith("/campaigns/list", StringComparison.Ordinal))
            return (HttpStatusCode.OK, CannedResponses.CampaignList);
        if (method == "GET" && path.Contains("/campaigns/stats/", StringComparison.Ordinal))
            return (HttpStatusCode.OK, CannedResponses.CampaignStats);
        throw new InvalidOperationException($"No canned response for {method} {path}.");
    }
}
