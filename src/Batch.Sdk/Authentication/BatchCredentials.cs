using System;
using Batch.Sdk.Security;

namespace Batch.Sdk.Authentication;

/// <summary>The keys and endpoint one generated client uses, copied from the options when the client is built.</summary>
internal sealed class BatchCredentials
{
    private BatchCredentials(BatchClientOptions options)
    {
        RestApiKey = options.RestApiKey;
        ProjectKey = options.ProjectKey;
        AppApiKey = options.AppApiKey;
        var baseAddress = options.BaseAddress?.ToString() ?? BatchClientOptions.DefaultBaseAddress.ToString();
        BaseAddress = baseAddress.EndsWith("/", StringComparison.Ordinal) ? baseAddress : baseAddress + "/";
        Redactor = new BatchRedactor(RestApiKey, ProjectKey, AppApiKey);
    }

    public string? RestApiKey { get; }

    public string? ProjectKey { get; }

    public string? AppApiKey { get; }

    /// <summary>The base address, ending with a slash.</summary>
    public string BaseAddress { get; }

    public BatchRedactor Redactor { get; }

    public static BatchCredentials From(BatchClientOptions options) =>
        new(options ?? throw new ArgumentNullException(nameof(options)));
}
