using System;
using System.Collections.Generic;

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
    /// The built-in retry policy (see <see cref="BatchRetryOptions"/>), used by <see cref="BatchClient(BatchClientOptions)"/>;
    /// a client built on your own HttpClient keeps that client's pipeline and ignores it.
    /// </summary>
    public BatchRetryOptions Retry { get; set; } = new();

    /// <summary>Lists what is wrong with these options, naming settings and never showing their values.</summary>
    /// <returns>One message per problem; empty when the options are usable.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(RestApiKey))
            problems.Add($"{nameof(BatchClientOptions)}.{nameof(RestApiKey)} is required: set the company REST API key.");
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
            problems.Add($"{nameof(BatchClientOptions)}.{nameof(BaseAddress)} must be an absolute URI.");
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

    internal BatchClientOptions WithAppApiKey(string appApiKey) => new()
    {
        RestApiKey = RestApiKey,
        ProjectKey = ProjectKey,
        AppApiKey = appApiKey,
        BaseAddress = BaseAddress,
        Retry = Retry,
    };

    private static string Describe(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "***";
}
