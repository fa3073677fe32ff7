using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Batch.Sdk.Testing.Spec;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Newtonsoft.Json;

namespace Batch.Sdk.Testing.Handling;

/// <summary>
/// The fake's front door, ahead of WireMock (its <c>PreWireMockMiddlewareInit</c>): reads each request body once,
/// within <see cref="BatchFakeServerOptions.MaxRequestBodyBytes"/>, and answers a body it cannot take with
/// MALFORMED_JSON_BODY (HTTP 400, code 32) in the family's error shape: too large (by <c>Content-Length</c> or
/// streamed), broken chunked encoding, or shorter than its <c>Content-Length</c>. Left to WireMock, a body that
/// fails to read becomes its exception page, a 500 with the serialized exception and its stack trace; so does any
/// other exception that escapes WireMock, which the gate answers with SERVER_ERROR (HTTP 500) in the family's shape.
/// </summary>
/// <remarks>
/// MALFORMED_JSON_BODY rather than MALFORMED_PARAMETER: Batch documents no body limit and no 413; the spec's
/// MALFORMED_PARAMETER errors name one parameter or field ("Malformed parameter: name ..."), while a body the
/// server refuses to read is a malformed body as a whole, the case MALFORMED_JSON_BODY names. A request line or
/// header block that is not HTTP never reaches here: Kestrel answers it with an empty 400 and closes.
/// </remarks>
internal sealed class FakeRequestGate(BatchSpec spec, FakeErrors errors, FakeRequestLog log, long maxBodyBytes)
{
    private const int ChunkSize = 16 * 1024;

    public void Use(IApplicationBuilder app) => app.Use(InvokeAsync);

    internal async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.ContentLength > maxBodyBytes)
        {
            await RefuseAsync(context, TooLarge).ConfigureAwait(false);
            return;
        }

        var body = new MemoryStream();
        var chunk = new byte[ChunkSize];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBodyBytes)
                {
                    await RefuseAsync(context, TooLarge).ConfigureAwait(false);
                    return;
                }

                body.Write(chunk, 0, read);
            }
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // The client went away; nobody is left to answer.
        }
        catch (Exception exception) when (exception is BadHttpRequestException or IOException)
        {
            // Kestrel's verdict on the framing: bad chunk sizes (an overflowing one is an IOException), a body
            // shorter than its Content-Length.
            await RefuseAsync(context, "The request body could not be read: its framing is invalid.").ConfigureAwait(false);
            return;
        }

        body.Position = 0;
        request.Body = body;

        // WireMock builds the request's URL from Host and throws on one that is missing (HTTP/1.0), empty or has a
        // bad port; the fake routes on the path alone, so such a Host becomes the fake's own address.
        if (!request.Host.HasValue || !Uri.TryCreate("http://" + request.Host.Value + "/", UriKind.Absolute, out _))
            request.Host = context.Connection.LocalPort > 0 ? new HostString("127.0.0.1", context.Connection.LocalPort) : new HostString("127.0.0.1");
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Anything that escapes WireMock would become its exception page: the serialized exception, stack trace included.
            var family = ApiFamilies.Of(RawPath(context));
            await AnswerAsync(context, errors.Error(family, FakeErrors.ServerError, "The fake failed on this request: " + exception.Message)).ConfigureAwait(false);
        }
    }

    private string TooLarge => $"The request body is larger than the fake's limit of {maxBodyBytes} bytes.";

    /// <summary>Answers with MALFORMED_JSON_BODY.</summary>
    private Task RefuseAsync(HttpContext context, string message) =>
        AnswerAsync(context, errors.Error(ApiFamilies.Of(RawPath(context)), SpecViolation.MalformedJsonBody, message));

    /// <summary>Answers without WireMock, closes the connection (the body may not have been drained) and records the request without its body.</summary>
    private async Task AnswerAsync(HttpContext context, FakeResponse response)
    {
        var path = RawPath(context);
        log.Add(new BatchFakeRequest(
            spec.Route(context.Request.Method, path)?.Operation.Id,
            context.Request.Method,
            path,
            context.Request.Query.Where(pair => pair.Value.Count > 0).ToDictionary(pair => pair.Key, pair => pair.Value[0]!, StringComparer.Ordinal),
            context.Request.Headers.ToDictionary(pair => pair.Key, pair => string.Join(", ", pair.Value.ToArray()), StringComparer.OrdinalIgnoreCase),
            string.Empty,
            response.Status));

        context.Response.StatusCode = response.Status;
        context.Response.Headers.Connection = "close";
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(response.Body!.ToString(Formatting.None));
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The path as sent, percent-encoding kept, as <see cref="WireMockBridge"/> gives it to the handler.</summary>
    private static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
            return context.Request.Path.ToString(); // absolute-form or asterisk-form targets, or no raw target at all
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : target.Substring(0, query);
    }
}
