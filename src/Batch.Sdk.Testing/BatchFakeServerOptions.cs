using System;
using Batch.Sdk.Security;

namespace Batch.Sdk.Testing;

/// <summary>
/// The keys a <see cref="BatchFakeServer"/> accepts and the bounds it keeps. Every key defaults to a new random
/// value, so fakes started in parallel never accept each other's clients; set them to reproduce your configuration
/// (visible ASCII only, as the SDK requires of the keys it sends).
/// </summary>
public sealed class BatchFakeServerOptions
{
    /// <summary>The default of <see cref="MaxRequestBodyBytes"/>: 10 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 10 * 1024 * 1024;

    /// <summary>The default of <see cref="MaxRecordedRequests"/>.</summary>
    public const int DefaultMaxRecordedRequests = 1000;

    /// <summary>The company REST API key the fake expects (<c>X-Authorization</c> on 1.1, <c>Authorization: Bearer</c> on 2.x).</summary>
    public string RestApiKey { get; set; } = NewKey("rest");

    /// <summary>The project key the fake expects in <c>X-Batch-Project</c> on 2.x calls.</summary>
    public string ProjectKey { get; set; } = NewKey("project");

    /// <summary>The API key of the fake's iOS app, the default app of <see cref="BatchFakeServer.Options"/>.</summary>
    public string IosAppApiKey { get; set; } = NewKey("ios");

    /// <summary>The API key of the fake's Android app, to address with <c>BatchClient.ForApp(fake.AndroidAppApiKey)</c>.</summary>
    public string AndroidAppApiKey { get; set; } = NewKey("android");

    /// <summary>
    /// The largest request body the fake reads, in bytes (default <see cref="DefaultMaxRequestBodyBytes"/>, 10 MiB). A
    /// larger body, announced by <c>Content-Length</c> or streamed in chunks, is answered with MALFORMED_JSON_BODY
    /// (HTTP 400, code 32) in the family's error shape without being read further. Batch documents no body limit;
    /// the default leaves room for a 10,000-profile mass update.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>
    /// How many requests <see cref="BatchFakeServer.Requests"/> keeps (default <see cref="DefaultMaxRecordedRequests"/>):
    /// the most recent ones, older ones are forgotten. 0 records none.
    /// </summary>
    public int MaxRecordedRequests { get; set; } = DefaultMaxRecordedRequests;

    internal void Validate()
    {
        if (MaxRequestBodyBytes <= 0)
            throw new ArgumentException($"{nameof(MaxRequestBodyBytes)} must be positive.");
        if (MaxRecordedRequests < 0)
            throw new ArgumentException($"{nameof(MaxRecordedRequests)} must not be negative.");

        // The SDK's key rule (visible ASCII only): a key the SDK refuses to send could never be accepted.
        foreach (var (key, name) in new[] { (RestApiKey, nameof(RestApiKey)), (ProjectKey, nameof(ProjectKey)), (IosAppApiKey, nameof(IosAppApiKey)), (AndroidAppApiKey, nameof(AndroidAppApiKey)) })
        {
            if (BatchKeys.Problem(key, $"{nameof(BatchFakeServerOptions)}.{name}", required: true) is { } problem)
                throw new ArgumentException(problem);
        }

        if (string.Equals(IosAppApiKey, AndroidAppApiKey, StringComparison.Ordinal))
            throw new ArgumentException($"{nameof(IosAppApiKey)} and {nameof(AndroidAppApiKey)} must differ: each app has its own key.");
    }

    private static string NewKey(string kind) => $"fake_{kind}_{Guid.NewGuid():N}";

    /// <summary>
    /// Batch's documented rate limits, enforced per project and per quota when set (null, the default, enforces
    /// none). Scale the rates so that tests run in seconds.
    /// </summary>
    public BatchFakeQuotas? Quotas { get; set; }
}
