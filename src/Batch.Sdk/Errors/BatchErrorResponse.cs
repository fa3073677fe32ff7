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
        redactor.RedactHeaders(response, request?.RequestUri);
        var body = response.Content is null ? string.Empty : await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var path = request is null ? null : redactor.DescribePath(request.RequestUri);
        var what = request is null ? "The request" : $"{request.Method} {path}";
        var error = new BatchApiException($"{what} failed with HTTP {status}.", status, redactor.Redact(body), BatchResponseHeaders.Collect(response), null);

        var operation = request is null ? null : BatchOperation.Of(request);
        if (operation is { IsIdempotent: false } && BatchRetryRules.MayHaveBeenCarriedOut(status))
            return new BatchOutcomeUnknownException(operation.Id, request!.Method.Method, path!, operation.Attempts, error);
        return error;
    }

    /// <summary>The exception for a documented success whose body cannot be read (malformed, of the wrong shape, or too large).</summary>
    public static BatchApiException Unreadable(HttpResponseMessage response, BatchRedactor redactor, string problem, Exception? cause)
    {
        var request = response.RequestMessage;
        redactor.RedactHeaders(response, request?.RequestUri);
        var what = request is null ? "The request" : $"{request.Method} {redactor.DescribePath(request.RequestUri)}";
        // A JSON reader's message can quote the body (and so anything a server echoes), so it is masked and not kept.
        var detail = cause is Newtonsoft.Json.JsonException json ? " " + redactor.Redact(json.Message) : string.Empty;
        return new BatchApiException(
            $"{what} answered HTTP {(int)response.StatusCode}, but {problem}{detail}",
            (int)response.StatusCode, null, BatchResponseHeaders.Collect(response), cause is Newtonsoft.Json.JsonException ? null : cause);
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is not BatchResponseBuffer)
            response.Content = await BatchResponseBuffer.ReadAsync(response.Content!, BatchResilienceHandler.ErrorBodyLimit, truncate: true, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }
}
