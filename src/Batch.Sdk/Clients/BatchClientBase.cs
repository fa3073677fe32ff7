using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Authentication;
using Batch.Sdk.Errors;

namespace Batch.Sdk;

/// <summary>
/// Base class of every generated client (nswag.json <c>clientBaseClass</c>). NSwag calls these hooks around each
/// request: credentials and the full URL are added before sending, and any non-success answer becomes a
/// <see cref="BatchApiException"/> before the generated code reads it.
/// </summary>
internal abstract class BatchClientBase
{
    private readonly BatchCredentials _credentials;

    /// <summary>Binds the client to the keys and endpoint of <paramref name="configuration"/>, copied now.</summary>
    /// <param name="configuration">The options; later changes to them do not affect this client.</param>
    protected BatchClientBase(BatchClientOptions configuration)
    {
        _credentials = BatchCredentials.From(configuration);
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

    /// <summary>
    /// Throws a <see cref="BatchApiException"/> for any non-success status, with the body's secrets redacted, except
    /// the redirect the operation documents as its result (<see cref="BatchRedirect"/>).
    /// </summary>
    /// <param name="client">The HTTP client that sent the request.</param>
    /// <param name="response">The response, whose body has not been read yet.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the response is a success or the documented redirect.</returns>
    protected Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.IsSuccessStatusCode || BatchRedirect.IsExpected(response)
            ? Task.CompletedTask
            : BatchErrorResponse.ThrowAsync(response, _credentials.Redactor, cancellationToken);
}
