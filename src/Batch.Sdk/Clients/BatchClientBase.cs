using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Authentication;
using Batch.Sdk.Errors;
using Batch.Sdk.Pipeline;
using Batch.Sdk.Serialization;
using Newtonsoft.Json;

namespace Batch.Sdk;

/// <summary>
/// Base class of every generated client (nswag.json <c>clientBaseClass</c>): the hand-written stages the generated
/// operation method calls, in the order it calls them (build/nswag/templates/Client.Class.liquid). Credentials and the
/// full URL are added before sending; a documented success is read within the response cap; every other answer
/// becomes the SDK's typed exception here, in one place.
/// </summary>
internal abstract class BatchClientBase
{
    private readonly BatchCredentials _credentials;
    private readonly int _maxResponseBytes;

    /// <summary>Binds the client to the keys and endpoint of <paramref name="configuration"/>, copied now.</summary>
    /// <param name="configuration">The options; later changes to them do not affect this client.</param>
    protected BatchClientBase(BatchClientOptions configuration)
    {
        _credentials = BatchCredentials.From(configuration);
        _maxResponseBytes = configuration.MaxResponseBytes;
    }

    /// <summary>Adds the credentials of the request's API family and turns the relative path into a full URL.</summary>
    /// <param name="client">The HTTP client that will send the request.</param>
    /// <param name="request">The request being built.</param>
    /// <param name="urlBuilder">The path relative to the API root, completed in place.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A completed task.</returns>
    protected Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder, CancellationToken cancellationToken)
    {
        BatchAuthentication.Apply(_credentials, request, urlBuilder);
        return Task.CompletedTask;
    }

    /// <summary>Called once the request URI is set; nothing to do.</summary>
    /// <param name="client">The HTTP client that will send the request.</param>
    /// <param name="request">The request being built.</param>
    /// <param name="url">The full URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A completed task.</returns>
    protected Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The response's headers for a result or an exception, collected (and masked) only if they are read.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The headers, collected on first use.</returns>
    protected BatchResponseHeaders ResponseHeaders(HttpResponseMessage response) => new(response, _credentials.Redactor);

    /// <summary>
    /// Reads a documented success's body as <typeparamref name="T"/>, from the buffer the SDK's pipeline filled, or
    /// (on a caller's own HttpClient) after reading it within <see cref="BatchClientOptions.MaxResponseBytes"/>.
    /// </summary>
    /// <typeparam name="T">The documented result.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="serializer">The client's serializer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result; null when the body is the JSON literal null.</returns>
    /// <exception cref="BatchApiException">The body is too large, malformed or of another shape.</exception>
    protected async ValueTask<T?> ReadBodyAsync<T>(HttpResponseMessage response, JsonSerializer serializer, CancellationToken cancellationToken)
    {
        try
        {
            var body = await BatchResponseBuffer.EnsureAsync(response, _maxResponseBytes, truncate: false, cancellationToken).ConfigureAwait(false);
            return BatchResponseBody.Read<T>(body, serializer);
        }
        catch (JsonException exception)
        {
            throw BatchErrorResponse.Unreadable(response, response.RequestMessage, _credentials.Redactor, $"its body is not a valid {typeof(T).Name}:", exception);
        }
        catch (BatchResponseTooLargeException exception)
        {
            throw BatchErrorResponse.TooLarge(response, response.RequestMessage, _credentials.Redactor, exception);
        }
    }

    /// <summary>The exception for a documented success whose body cannot be used (empty, or the JSON literal null).</summary>
    /// <param name="response">The response.</param>
    /// <param name="problem">What is wrong with the body, as the end of a sentence.</param>
    /// <returns>The exception to throw.</returns>
    protected BatchApiException CreateUnreadableError(HttpResponseMessage response, string problem) =>
        BatchErrorResponse.Unreadable(response, response.RequestMessage, _credentials.Redactor, problem, null);

    /// <summary>
    /// The exception for an answer the operation does not document as its result (any error status, an undocumented
    /// success or redirect): <see cref="BatchApiException"/>, or <see cref="BatchOutcomeUnknownException"/> for a
    /// create that may have been carried out.
    /// </summary>
    /// <param name="response">The response, whose body has not been read yet.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The exception to throw.</returns>
    protected Task<Exception> CreateErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        BatchErrorResponse.CreateAsync(response, _credentials.Redactor, cancellationToken);
}
