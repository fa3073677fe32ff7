using System;
using System.Net.Http;
using Batch.Sdk.Security;

namespace Batch.Sdk.Pipeline;

/// <summary>What the retry handler knows and may say about a request: its operation, whether it may be repeated, and its redacted route.</summary>
internal sealed class BatchRequestSummary
{
    private readonly Uri? _uri;

    private BatchRequestSummary(BatchOperation? operation, bool isIdempotent, string method, Uri? uri)
    {
        Operation = operation;
        IsIdempotent = isIdempotent;
        Method = method;
        _uri = uri;
    }

    /// <summary>The operation the SDK attached, or null for a request the SDK did not build.</summary>
    public BatchOperation? Operation { get; }

    /// <summary>The spec operationId, or null for a request the SDK did not build.</summary>
    public string? OperationId => Operation?.Id;

    /// <summary>Whether sending the request twice is safe.</summary>
    public bool IsIdempotent { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>
    /// The path with the 1.x app key masked; never the query, headers or body. Built on demand: only retries and
    /// failures need it, and masking costs allocations on every call otherwise.
    /// </summary>
    public string Path => BatchRedactor.MaskedPath(_uri);

    /// <summary>
    /// A request the SDK did not build has no <see cref="BatchOperation"/>: only GET and HEAD are then assumed safe to
    /// repeat, because Batch's POST routes include creates.
    /// </summary>
    public static BatchRequestSummary Of(HttpRequestMessage request)
    {
        var operation = BatchOperation.Of(request);
        var isIdempotent = operation?.IsIdempotent ?? (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head);
        return new BatchRequestSummary(operation, isIdempotent, request.Method.Method, request.RequestUri);
    }
}
