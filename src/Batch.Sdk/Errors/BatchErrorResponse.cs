using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Pipeline;
using Batch.Sdk.Security;

namespace Batch.Sdk.Errors;

/// <summary>
/// The one mapping from an answer the operation does not document as its result to the exception the caller sees: a
/// <see cref="BatchApiException"/> (keys masked in its body and headers), wrapped in a
/// <see cref="BatchOutcomeUnknownException"/> when the request is not safe to repeat and the status says it may have
/// been carried out (500, 502, 504), whatever the pipeline (the SDK's, or a caller's own HttpClient).
/// </summary>
internal static class BatchErrorResponse
{
    /// <summary>The exception for <paramref name="response"/>, whose status the operation does not document as a success.</summary>
    public static async Task<Exception> CreateAsync(HttpResponseMessage response, BatchRedactor redactor, CancellationToken cancellationToken)
    {
        var request = response.RequestMessage;
        // The pipeline has already cut error bodies short; a client on a caller's own HttpClient has not.
        var body = response.Content is null
            ? string.Empty
            : await (await BatchResponseBuffer.EnsureAsync(response, BatchResilienceHandler.ErrorBodyLimit, truncate: true, cancellationToken).ConfigureAwait(false))
                .ReadAsStringAsync().ConfigureAwait(false);
        var headers = BatchResponseHeaders.Redacted(response, redactor);
        var status = (int)response.StatusCode;
        var path = request is null ? null : redactor.DescribePath(request.RequestUri);
        var what = request is null ? "The request" : $"{request.Method} {path}";
        var error = new BatchApiException($"{what} failed with HTTP {status}.", status, redactor.Redact(body), headers, null);

        var operation = request is null ? null : BatchOperation.Of(request);
        if (operation is { IsIdempotent: false } && BatchRetryRules.MayHaveBeenCarriedOut(status))
            return new BatchOutcomeUnknownException(operation.Id, request!.Method.Method, path!, operation.Attempts, error);
        return error;
    }

    /// <summary>The exception for a body longer than the cap: it was not read, and is never retried.</summary>
    public static BatchApiException TooLarge(HttpResponseMessage response, HttpRequestMessage? request, BatchRedactor redactor, BatchResponseTooLargeException cause) =>
        Unreadable(response, request, redactor, "its body is too large to read.", cause);

    /// <summary>
    /// The exception for an answer whose body cannot be used (malformed, of the wrong shape, empty or too large);
    /// <paramref name="problem"/> ends the sentence.
    /// </summary>
    public static BatchApiException Unreadable(HttpResponseMessage response, HttpRequestMessage? request, BatchRedactor redactor, string problem, Exception? cause)
    {
        var headers = BatchResponseHeaders.Redacted(response, redactor);
        var what = request is null ? "The request" : $"{request.Method} {redactor.DescribePath(request.RequestUri)}";
        // A JSON reader's message can quote the body (and so anything a server echoes), so it is masked and not kept.
        var detail = cause is Newtonsoft.Json.JsonException json ? " " + redactor.Redact(json.Message) : string.Empty;
        return new BatchApiException(
            $"{what} answered HTTP {(int)response.StatusCode}, but {problem}{detail}",
            (int)response.StatusCode, null, headers, cause is Newtonsoft.Json.JsonException ? null : cause);
    }
}
