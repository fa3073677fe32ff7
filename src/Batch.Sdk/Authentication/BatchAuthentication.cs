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

    /// <summary>Adds the headers and completes <paramref name="url"/>, a path relative to the API root such as <c>1.1//campaigns/create</c>.</summary>
    /// <exception cref="InvalidOperationException">A key this request needs is not configured.</exception>
    public static void Apply(BatchCredentials credentials, HttpRequestMessage request, StringBuilder url)
    {
        var restApiKey = Require(credentials.RestApiKey, nameof(BatchClientOptions.RestApiKey), "the company REST API key");
        if (Pipeline.BatchRoutes.IsAppApi(url))
        {
            var appApiKey = Require(credentials.AppApiKey, nameof(BatchClientOptions.AppApiKey),
                "the app's API key, or call BatchClient.ForApp(appApiKey)");
            InsertAppApiKey(url, appApiKey);
            // The validating Add: a key is visible ASCII (checked with the options), so nothing can be injected.
            request.Headers.Add("X-Authorization", restApiKey);
        }
        else
        {
            var projectKey = Require(credentials.ProjectKey, nameof(BatchClientOptions.ProjectKey), "the project key");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", restApiKey);
            request.Headers.Add("X-Batch-Project", projectKey);
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

    private static string Require(string? value, string option, string what) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"{nameof(BatchClientOptions)}.{option} is not set: this request needs {what}. No request was sent.")
            : value!;
}
