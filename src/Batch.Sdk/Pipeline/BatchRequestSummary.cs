using System.Net.Http;
using Batch.Sdk.Security;

namespace Batch.Sdk.Pipeline;

/// <summary>What the retry handler knows and may say about a request: its operation, whether it may be repeated, and its redacted route.</summary>
internal sealed class BatchRequestSummary
{
    private BatchRequestSummary(string? operationId, bool isIdempotent, string method, string path)
    {
        OperationId = operationId;
        IsIdempotent = isIdempotent;
        Method = method;
        Path = path;
    }

    /// <summary>The spec operationId, or null for a request the SDK did not build.</summary>
    public string? OperationId { get; }

    /// <summary>Whether sending the request twice is safe.</summary>
    public bool IsIdempotent { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path with the 1.x app key masked; never the query, headers or body.</summary>
    public string Path { get; }

    /// <summary>
    /// A request the SDK did not build has no <see cref="BatchOperation"/>: only GET and HEAD are then assumed safe to
    /// repeat, because Batch's POST routes include creates.
    /// </summary>
    public static BatchRequestSummary Of(HttpRequestMessage request)
    {
        var operation = BatchOperation.Of(request);
        var isIdempotent = operation?.IsIdempotent ?? (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head);
        return new BatchRequestSummary(operation?.Id, isIdempotent, request.Method.Method, BatchRedactor.MaskedPath(request.RequestUri));
    }
}
