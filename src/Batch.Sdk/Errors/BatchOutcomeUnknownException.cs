using System;

namespace Batch.Sdk;

/// <summary>
/// A request that is not safe to repeat (a create or a transactional send) may have reached Batch, but no usable answer
/// came back: the connection was lost after sending, the answer took longer than the timeout, or the server failed with
/// 500, 502 or 504. Batch may or may not have carried it out, so the SDK did not send it again. Check its effect (for
/// example, list the campaigns) before trying again.
/// </summary>
/// <remarks>
/// Deliberately not an <see cref="System.Net.Http.HttpRequestException"/> nor a <see cref="BatchApiException"/>: generic
/// transient-error handling (a <c>catch</c> that retries network or 5xx errors, a Polly policy) must not replay the
/// request blindly. <see cref="Exception.InnerException"/> is the failure that was observed: a
/// <see cref="BatchApiException"/> for a 500, 502 or 504, a <see cref="TimeoutException"/>, or the transport's
/// exception. Keys never appear in it.
/// </remarks>
public sealed class BatchOutcomeUnknownException : Exception
{
    /// <summary>Creates the exception for a request that may have been carried out.</summary>
    /// <param name="operationId">The spec operationId of the request, if known.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path, with keys masked.</param>
    /// <param name="attempts">How many times the request was sent, counting attempts Batch refused (429, 503).</param>
    /// <param name="innerException">The failure that was observed after the request may have reached Batch.</param>
    public BatchOutcomeUnknownException(string? operationId, string method, string path, int attempts, Exception innerException)
        : base(Describe(operationId, method, path, attempts, innerException), innerException)
    {
        OperationId = operationId;
        Method = method;
        Path = path;
        Attempts = attempts;
    }

    /// <summary>The spec operationId of the request, such as <c>pushCampaigns_create</c>, if known.</summary>
    public string? OperationId { get; }

    /// <summary>The HTTP method of the request.</summary>
    public string Method { get; }

    /// <summary>The request path, with the app key segment masked (<c>/1.1/***/campaigns/create</c>).</summary>
    public string Path { get; }

    /// <summary>How many times the request was sent; every attempt but the last was refused by Batch (429, 503) or never left.</summary>
    public int Attempts { get; }

    /// <summary>The HTTP status Batch answered with (500, 502 or 504), or null when no answer came back.</summary>
    public int? StatusCode => (InnerException as BatchApiException)?.StatusCode;

    private static string Describe(string? operationId, string method, string path, int attempts, Exception innerException)
    {
        var what = operationId is null ? $"{method} {path}" : $"{method} {path} ({operationId})";
        var cause = innerException switch
        {
            BatchApiException error => $"the server failed with HTTP {error.StatusCode}",
            TimeoutException => "no complete response came back in time",
            _ => "the connection was lost after the request was sent",
        };
        return $"{what}: the outcome is unknown, because {cause} (attempt {attempts}). Batch may or may not have carried it " +
               "out, and the SDK did not send it again because repeating it could do it twice. Check its effect before trying again.";
    }
}
