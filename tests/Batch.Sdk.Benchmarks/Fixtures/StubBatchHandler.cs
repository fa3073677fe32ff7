using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Benchmarks.Fixtures;

/// <summary>
/// Answers in process, without sockets, with the canned responses. It reads the request body as a transport would,
/// so that clients that serialize lazily (Refit's JsonContent) pay for serialization too.
/// </summary>
public sealed class StubBatchHandler : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        var (status, body) = CannedRoutes.Answer(request.Method.Method, request.RequestUri!.AbsolutePath);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}
