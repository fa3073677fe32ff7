using System;
using System.Net.Http;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// The spec operation a request belongs to, attached to every request the SDK sends so that handlers in the
/// HttpClient pipeline (retries, logging, your own resilience policies) can tell operations apart.
/// </summary>
public sealed class BatchOperation
{
    private const string Key = "Batch.Sdk.Operation";

    private BatchOperation(string id, bool isIdempotent, string? urlTemplate)
    {
        Id = id;
        IsIdempotent = isIdempotent;
        UrlTemplate = urlTemplate;
    }

    /// <summary>The spec's operationId, such as <c>pushCampaigns_create</c>.</summary>
    public string Id { get; }

    /// <summary>
    /// Whether sending the request twice leaves Batch as sending it once: reads, and writes the spec marks
    /// <c>x-batch-idempotent</c>. Requests that are not idempotent must never be replayed once they may have reached Batch.
    /// </summary>
    public bool IsIdempotent { get; }

    /// <summary>
    /// The spec's path template with a leading slash, such as <c>/1.1/{apiKey}/campaigns/create</c>: the route without
    /// its values (OpenTelemetry's <c>url.template</c>). Null for a request the SDK did not build.
    /// </summary>
    public string? UrlTemplate { get; }

    /// <summary>How many times the request has been sent; the SDK's pipeline counts its attempts here.</summary>
    internal int Attempts { get; set; } = 1;

    /// <summary>
    /// Whether an earlier send of this request may have reached Batch and been carried out: set by
    /// <see cref="BatchSendGuard"/> after any answer other than a refusal (429, 503) and after any failure other than a
    /// connection that could not be opened. A request that is not idempotent is never sent again once this is set.
    /// </summary>
    internal bool MayHaveBeenDelivered { get; set; }

    /// <summary>Whether the request has been handed to the network at least once.</summary>
    internal bool HasBeenSent { get; set; }

    /// <summary>When Batch last refused this request with TOO_MANY_REQUESTS (a <see cref="TimeProvider"/> timestamp), or null.</summary>
    internal long? RateLimitedAt { get; set; }

    /// <summary>The wait Batch asked for with that refusal (at least 5 seconds).</summary>
    internal TimeSpan RateLimitWait { get; set; }

    /// <summary>The operation of a request sent by the SDK, or null for any other request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The operation, if the SDK attached one.</returns>
    public static BatchOperation? Of(HttpRequestMessage request)
    {
        if (request is null)
            throw new ArgumentNullException(nameof(request));
        return BatchRequestProperties.TryGet<BatchOperation>(request, Key, out var operation) ? operation : null;
    }

    /// <inheritdoc />
    public override string ToString() => Id;

    /// <summary>How many times Batch refused the call with TOO_MANY_REQUESTS and the pipeline waited before retrying.</summary>
    internal int RateLimitWaits { get; set; }

    /// <summary>The span of the call, while it runs and someone listens.</summary>
    internal System.Diagnostics.Activity? Span { get; set; }

    /// <summary>Called by the generated clients just before sending; <paramref name="urlTemplate"/> is the spec path.</summary>
    internal static BatchOperation Attach(HttpRequestMessage request, string id, bool isIdempotent, string urlTemplate)
    {
        var operation = new BatchOperation(id, isIdempotent, urlTemplate);
        Attach(request, operation);
        return operation;
    }

    /// <summary>
    /// The operation of <paramref name="request"/>, attaching one for a request the SDK did not build: only GET and HEAD
    /// are then assumed safe to repeat, because Batch's POST routes include creates.
    /// </summary>
    internal static BatchOperation Ensure(HttpRequestMessage request)
    {
        if (Of(request) is { } operation)
            return operation;
        operation = new BatchOperation(request.Method.Method, request.Method == HttpMethod.Get || request.Method == HttpMethod.Head, urlTemplate: null) { IsForeign = true };
        Attach(request, operation);
        return operation;
    }

    /// <summary>Whether the SDK did not build the request (its <see cref="Id"/> is then only the HTTP method).</summary>
    internal bool IsForeign { get; private set; }

    private static void Attach(HttpRequestMessage request, BatchOperation operation) =>
        BatchRequestProperties.Set(request, Key, operation);
}
