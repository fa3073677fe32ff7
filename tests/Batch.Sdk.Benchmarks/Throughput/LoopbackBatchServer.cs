using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Batch.Sdk.Benchmarks.Throughput;

/// <summary>
/// A minimal Kestrel server on 127.0.0.1 and a free port that answers with the canned responses and counts the
/// connections it has seen, to show whether clients reuse them.
/// </summary>
public sealed class LoopbackBatchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _connections = new();

    private LoopbackBatchServer(WebApplication app)
    {
        _app = app;
        _app.Run(AnswerAsync);
    }

    /// <summary>The server's root, ending with a slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Distinct connections since the last <see cref="ResetConnectionCount"/>.</summary>
    public int ConnectionCount => _connections.Count;

    public static async Task<LoopbackBatchServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new LoopbackBatchServer(builder.Build());
        await server._app.StartAsync().ConfigureAwait(false);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public void ResetConnectionCount() => _connections.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        _connections.TryAdd(context.Connection.Id, 0);
        await context.Request.Body.CopyToAsync(System.IO.Stream.Null).ConfigureAwait(false);
        var (status, body) = CannedRoutes.Answer(context.Request.Method, context.Request.Path.Value!);
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
