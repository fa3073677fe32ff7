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

#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<BatchOperation> OptionsKey = new(Key);
#endif

    private BatchOperation(string id, bool isIdempotent)
    {
        Id = id;
        IsIdempotent = isIdempotent;
    }

    /// <summary>The spec's operationId, such as <c>pushCampaigns_create</c>.</summary>
    public string Id { get; }

    /// <summary>
    /// Whether sending the request twice leaves Batch as sending it once: reads, and writes the spec marks
    /// <c>x-batch-idempotent</c>. Requests that are not idempotent must never be replayed once they may have reached Batch.
    /// </summary>
    public bool IsIdempotent { get; }

    /// <summary>How many times the request has been sent; the SDK's retry handler counts its attempts here.</summary>
    internal int Attempts { get; set; } = 1;

    /// <summary>The operation of a request sent by the SDK, or null for any other request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The operation, if the SDK attached one.</returns>
    public static BatchOperation? Of(HttpRequestMessage request)
    {
        if (request is null)
            throw new ArgumentNullException(nameof(request));
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(OptionsKey, out var operation) ? operation : null;
#else
        return request.Properties.TryGetValue(Key, out var operation) ? operation as BatchOperation : null;
#endif
    }

    /// <inheritdoc />
    public override string ToString() => Id;

    /// <summary>Called by the generated clients just before sending.</summary>
    internal static void Attach(HttpRequestMessage request, string id, bool isIdempotent)
    {
        var operation = new BatchOperation(id, isIdempotent);
#if NET5_0_OR_GREATER
        request.Options.Set(OptionsKey, operation);
#else
        request.Properties[Key] = operation;
#endif
    }
}
