using System;
using Batch.Sdk.Pipeline;

namespace Batch.Sdk.Testing.Spec;

/// <summary>The two API families of the spec, told apart by the version segment that starts every path.</summary>
internal enum ApiFamily
{
    /// <summary>1.x app APIs: <c>X-Authorization</c>, app key in the path, <c>AppApiError</c> bodies.</summary>
    App,

    /// <summary>2.x Project APIs: <c>Authorization: Bearer</c>, <c>X-Batch-Project</c>, <c>ProjectApiError</c> bodies.</summary>
    Project,
}

/// <summary>Family facts that the spec states in prose rather than in its schemas.</summary>
internal static class ApiFamilies
{
    /// <summary>
    /// The family of a request path or spec path template such as <c>/1.1/KEY/campaigns/create</c> or
    /// <c>/2.8/campaigns/create</c>, by the SDK's rule (<see cref="BatchRoutes"/>).
    /// </summary>
    public static ApiFamily Of(string path) =>
        BatchRoutes.IsAppApi(path, path.StartsWith("/", StringComparison.Ordinal) ? 1 : 0) ? ApiFamily.App : ApiFamily.Project;

    /// <summary>The error body property that carries the human-readable message (<c>AppApiError.message</c>, <c>ProjectApiError.error_message</c>).</summary>
    public static string MessageProperty(this ApiFamily family) =>
        family == ApiFamily.App ? "message" : "error_message";
}
