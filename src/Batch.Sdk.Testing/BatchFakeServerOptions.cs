using System;

namespace Batch.Sdk.Testing;

/// <summary>
/// The keys a <see cref="BatchFakeServer"/> accepts. Every key defaults to a new random value, so fakes started in
/// parallel never accept each other's clients; set them to reproduce your configuration.
/// </summary>
public sealed class BatchFakeServerOptions
{
    /// <summary>The company REST API key the fake expects (<c>X-Authorization</c> on 1.1, <c>Authorization: Bearer</c> on 2.x).</summary>
    public string RestApiKey { get; set; } = NewKey("rest");

    /// <summary>The project key the fake expects in <c>X-Batch-Project</c> on 2.x calls.</summary>
    public string ProjectKey { get; set; } = NewKey("project");

    /// <summary>The API key of the fake's iOS app, the default app of <see cref="BatchFakeServer.Options"/>.</summary>
    public string IosAppApiKey { get; set; } = NewKey("ios");

    /// <summary>The API key of the fake's Android app, to address with <c>BatchClient.ForApp(fake.AndroidAppApiKey)</c>.</summary>
    public string AndroidAppApiKey { get; set; } = NewKey("android");

    internal void Validate()
    {
        foreach (var key in new[] { RestApiKey, ProjectKey, IosAppApiKey, AndroidAppApiKey })
        {
            if (string.IsNullOrWhiteSpace(key))
                throw new ArgumentException($"Every key of {nameof(BatchFakeServerOptions)} must be set.");
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
