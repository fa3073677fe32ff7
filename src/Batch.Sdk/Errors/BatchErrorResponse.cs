using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Pipeline;
using Batch.Sdk.Security;

namespace Batch.Sdk.Errors;

/// <summary>
/// Turns a non-success response into a <see cref="BatchApiException"/>, wrapped in a
/// <see cref="BatchOutcomeUnknownException"/> when the request is not safe to repeat and the status says it may have
/// been carried out (500, 502, 504), whatever the pipeline (the SDK's, or a caller's own HttpClient).
/// </summary>
internal static class BatchErrorResponse
{
    public static async Task ThrowAsync(HttpResponseMessage response, BatchRedactor redactor, CancellationToken cancellationToken)
    {
        var request = response.RequestMessage;
        // The pipeline has already cut error bodies short; a client on a caller's own HttpClient has not.
        redactor.RedactHeaders(response, request?.RequestUri);
        var body = response.Content is null ? string.Empty : await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var path = request is null ? null : redactor.DescribePath(request.RequestUri);
        var what = request is null ? "The request" : $"{request.Method} {path}";
        var error = new BatchApiException($"{what} failed with HTTP {status}.", status, redactor.Redact(body), CollectHeaders(response), null);

        var operation = request is null ? null : BatchOperation.Of(request);
        if (operation is { IsIdempotent: false } && BatchRetryRules.MayHaveBeenCarriedOut(status))
            throw new BatchOutcomeUnknownException(operation.Id, request!.Method.Method, path!, operation.Attempts, error);
        throw error;
    }

    internal static IReadOnlyDictionary<string, IEnumerable<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = response.Headers.ToDictionary(header => header.Key, header => header.Value);
        if (response.Content is not null)
        {
            foreach (var header in response.Content.Headers)
                headers[header.Key] = header.Value;
        }

        return headers;
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is not BatchResponseBuffer)
            response.Content = await BatchResponseBuffer.ReadAsync(response.Content!, BatchResilienceHandler.ErrorBodyLimit, truncate: true, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }
}
