using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace Batch.Sdk.Authentication;

/// <summary>
/// Puts the credentials of its API family on a request: the 1.1 app APIs take the REST key in
/// <c>X-Authorization</c> and the app key as the first path segment after the version; the 2.x Project APIs take
/// <c>Authorization: Bearer</c> and <c>X-Batch-Project</c>. Every request also gets the SDK's User-Agent.
/// </summary>
internal static class BatchAuthentication
{
    private static readonly ProductInfoHeaderValue UserAgent = new("Batch.Sdk", BatchSdkInfo.Version);

    private const string MissingKeyProperty = "Batch.Sdk.MissingKey";

    /// <summary>
    /// Adds the headers and completes <paramref name="url"/>, a path relative to the API root such as
    /// <c>1.1//campaigns/create</c>. When a key this request needs is not configured, nothing is added and the problem is
    /// kept for <see cref="EnsureApplied"/>, so that the caller's argument errors, checked first, win over it.
    /// </summary>
    public static void Apply(BatchCredentials credentials, HttpRequestMessage request, StringBuilder url)
    {
        var isAppApi = Pipeline.BatchRoutes.IsAppApi(url);
        var missing =
            Missing(credentials.RestApiKey, nameof(BatchClientOptions.RestApiKey), "the company REST API key") ??
            (isAppApi
                ? Missing(credentials.AppApiKey, nameof(BatchClientOptions.AppApiKey), "the app's API key, or call BatchClient.ForApp(appApiKey)")
                : Missing(credentials.ProjectKey, nameof(BatchClientOptions.ProjectKey), "the project key"));
        if (missing is not null)
        {
            Pipeline.BatchRequestProperties.Set(request, MissingKeyProperty, missing);
            return;
        }

        var restApiKey = credentials.RestApiKey!;
        if (isAppApi)
        {
            InsertAppApiKey(url, credentials.AppApiKey!);
            // The validating Add: a key is visible ASCII (checked with the options), so nothing can be injected.
            request.Headers.Add("X-Authorization", restApiKey);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", restApiKey);
            request.Headers.Add("X-Batch-Project", credentials.ProjectKey!);
        }

        request.Headers.UserAgent.Add(UserAgent);
        url.Insert(0, credentials.BaseAddress);
    }

    /// <summary>
    /// nswag.json excludes the <c>apiKey</c> path parameter from the generated signatures (a client is bound to one
    /// app), so NSwag leaves its segment empty: <c>1.1//campaigns/create</c>. The key fills it, escaped.
    /// </summary>
    private static void InsertAppApiKey(StringBuilder url, string appApiKey)
    {
        for (var i = 0; i < url.Length - 1; i++)
        {
            if (url[i] != '/')
                continue;
            if (url[i + 1] != '/')
                throw new InvalidOperationException("The generated 1.x path has no app API key segment; check nswag.json's excludedParameterNames.");
            url.Insert(i + 1, Uri.EscapeDataString(appApiKey));
            return;
        }
    }

    /// <summary>Called by the generated clients after the argument checks, before sending.</summary>
    /// <exception cref="InvalidOperationException">A key this request needs is not configured.</exception>
    public static void EnsureApplied(HttpRequestMessage request)
    {
        if (Pipeline.BatchRequestProperties.TryGet<string>(request, MissingKeyProperty, out var missing))
            throw new InvalidOperationException(missing);
    }

    private static string? Missing(string? value, string option, string what) =>
        string.IsNullOrWhiteSpace(value)
            ? $"{nameof(BatchClientOptions)}.{option} is not set: this request needs {what}. No request was sent."
            : null;
}
