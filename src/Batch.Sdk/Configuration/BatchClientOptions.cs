using System;
using System.Collections.Generic;
using Batch.Sdk.Security;

namespace Batch.Sdk;

/// <summary>
/// Settings of a <see cref="BatchClient"/>: the credentials of both API families, the endpoint and the retry policy.
/// </summary>
/// <remarks>
/// The 1.1 app APIs need <see cref="RestApiKey"/> and an app API key (<see cref="AppApiKey"/> or
/// <see cref="BatchClient.ForApp(string)"/>); the 2.8 Project APIs need <see cref="RestApiKey"/> and
/// <see cref="ProjectKey"/>. Keys are secrets: <see cref="ToString"/> never shows them.
/// </remarks>
public sealed class BatchClientOptions
{
    /// <summary>The address of Batch's production API, <c>https://api.batch.com/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.batch.com/");

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 8 MiB.</summary>
    public const int DefaultMaxResponseBytes = 8 * 1024 * 1024;

    /// <summary>The largest <see cref="MaxResponseBytes"/> accepted: 1 GiB.</summary>
    public const int LargestMaxResponseBytes = 1024 * 1024 * 1024;

    /// <summary>The company REST API key (⚙ Settings → General in the dashboard; visible to managers only).</summary>
    public string? RestApiKey { get; set; }

    /// <summary>The project key sent in the <c>X-Batch-Project</c> header of 2.8 Project API calls.</summary>
    public string? ProjectKey { get; set; }

    /// <summary>
    /// The Live, Dev or SDK API key of the app that 1.1 calls address by default. iOS and Android are separate apps:
    /// use <see cref="BatchClient.ForApp(string)"/> to address another app with the same client.
    /// </summary>
    public string? AppApiKey { get; set; }

    /// <summary>The API's base address; defaults to <see cref="DefaultBaseAddress"/>. Point it at a test server in tests.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// The retry policy and time limits (see <see cref="BatchRetryOptions"/>), used by the SDK's pipeline
    /// (<see cref="BatchClient(BatchClientOptions)"/> and <c>AddBatch</c>); a client built on your own HttpClient keeps
    /// that client's pipeline and ignores it.
    /// </summary>
    public BatchRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// The largest response body the SDK reads, in bytes; a longer one, announced by <c>Content-Length</c> or streamed,
    /// ends the call with a <see cref="BatchApiException"/> and is not retried, and no server can make the client buffer
    /// more. Batch's largest documented answers (a 100-item page, six months of daily statistics) are well under 1 MiB.
    /// Default 8 MiB (<see cref="DefaultMaxResponseBytes"/>); at least 1 KiB and at most 1 GiB. Error bodies are read up to 16 KiB.
    /// </summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>Lists what is wrong with these options, naming settings and never showing their values.</summary>
    /// <returns>One message per problem; empty when the options are usable.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(RestApiKey))
            problems.Add($"{nameof(BatchClientOptions)}.{nameof(RestApiKey)} is required: set the company REST API key.");
        else
            Add(problems, BatchKeys.Problem(RestApiKey, $"{nameof(BatchClientOptions)}.{nameof(RestApiKey)}", required: true));
        Add(problems, BatchKeys.Problem(ProjectKey, $"{nameof(BatchClientOptions)}.{nameof(ProjectKey)}", required: false));
        Add(problems, BatchKeys.Problem(AppApiKey, $"{nameof(BatchClientOptions)}.{nameof(AppApiKey)}", required: false));
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
            problems.Add($"{nameof(BatchClientOptions)}.{nameof(BaseAddress)} must be an absolute URI.");
        else if (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp)
            problems.Add($"{nameof(BatchClientOptions)}.{nameof(BaseAddress)} must be an http or https URI.");
        if (MaxResponseBytes < 1024 || MaxResponseBytes > LargestMaxResponseBytes)
            problems.Add($"{nameof(BatchClientOptions)}.{nameof(MaxResponseBytes)} must be between 1 KiB (1024) and 1 GiB ({LargestMaxResponseBytes}).");
        if (Retry is null)
            problems.Add($"{nameof(BatchClientOptions)}.{nameof(Retry)} must not be null.");
        else
            problems.AddRange(Retry.Validate());
        return problems;
    }

    /// <summary>Describes the options with every key redacted.</summary>
    public override string ToString() =>
        $"{nameof(BatchClientOptions)} {{ {nameof(BaseAddress)} = {BaseAddress}, {nameof(RestApiKey)} = {Describe(RestApiKey)}, " +
        $"{nameof(ProjectKey)} = {Describe(ProjectKey)}, {nameof(AppApiKey)} = {Describe(AppApiKey)} }}";

    /// <summary>A copy of every setting, the retry policy included, so later changes to these options do not reach it.</summary>
    internal BatchClientOptions Clone()
    {
        var copy = (BatchClientOptions)MemberwiseClone();
        copy.Retry = Retry?.Clone()!;
        return copy;
    }

    internal BatchClientOptions WithAppApiKey(string appApiKey)
    {
        var copy = Clone();
        copy.AppApiKey = appApiKey;
        return copy;
    }

    private static void Add(List<string> problems, string? problem)
    {
        if (problem is not null)
            problems.Add(problem);
    }

    private static string Describe(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "***";
}
