using System;

namespace Batch.Sdk;

/// <summary>
/// No usable answer came back from Batch for a request that is safe to repeat, or that never left: the connection
/// could not be opened or was lost, or no complete answer came back within the time limits, on every attempt.
/// </summary>
/// <remarks>
/// A request that is not safe to repeat and may have reached Batch fails with <see cref="BatchOutcomeUnknownException"/>
/// instead. <see cref="Exception.InnerException"/> is the last failure observed (a <see cref="TimeoutException"/>, an
/// <see cref="System.Net.Http.HttpRequestException"/> or an <see cref="System.IO.IOException"/>). Keys never appear in it.
/// </remarks>
public sealed class BatchTransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The spec operationId of the request, or its HTTP method for a request the SDK did not build.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path, with keys masked.</param>
    /// <param name="attempts">How many times the request was sent.</param>
    /// <param name="innerException">The last failure observed.</param>
    public BatchTransportException(string operationId, string method, string path, int attempts, Exception innerException)
        : base(Describe(operationId, method, path, attempts, innerException), innerException)
    {
        OperationId = operationId;
        Method = method;
        Path = path;
        Attempts = attempts;
    }

    /// <summary>The spec operationId of the request, such as <c>pushCampaigns_list</c>.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method of the request.</summary>
    public string Method { get; }

    /// <summary>The request path, with the app key segment masked (<c>/1.1/***/campaigns/list</c>).</summary>
    public string Path { get; }

    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; }

    /// <summary>Whether the last attempt ran out of time (rather than losing or never opening its connection).</summary>
    public bool IsTimeout => InnerException is TimeoutException;

    private static string Describe(string operationId, string method, string path, int attempts, Exception innerException)
    {
        var cause = innerException is TimeoutException
            ? "no complete answer came back in time"
            : "the connection failed";
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        return $"{method} {path} ({operationId}): {cause} after {tries}.";
    }
}
