using System;
using System.Linq;
using WireMock.Logging;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Batch.Sdk.Tests;

/// <summary>A WireMock server on 127.0.0.1 and a free port, with a Batch client pointed at it.</summary>
public sealed class LoopbackServer : IDisposable
{
    public const string RestApiKey = "rest_key_5f3a9c1e";
    public const string ProjectKey = "project_0664hxvwffvbpn278gxdyhsadddqgna6";
    public const string AppApiKey = "APP_KEY_IOS_7d41";

    public LoopbackServer()
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
        });
    }

    public WireMockServer Server { get; }

    public Uri BaseAddress => new(Server.Url!);

    public BatchClientOptions Options(bool withRetries = false) => OptionsFor(BaseAddress, withRetries);

    /// <summary>Options with the test keys for a server at <paramref name="baseAddress"/>.</summary>
    public static BatchClientOptions OptionsFor(Uri baseAddress, bool withRetries = false) => new()
    {
        RestApiKey = RestApiKey,
        ProjectKey = ProjectKey,
        AppApiKey = AppApiKey,
        BaseAddress = baseAddress,
        Retry = new BatchRetryOptions { Enabled = withRetries },
    };

    public BatchClient CreateClient() => new(Options());

    public ILogEntry[] Requests => Server.LogEntries.ToArray();

    /// <summary>A response with <paramref name="status"/> and a JSON body, as Batch answers.</summary>
    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public void Dispose() => Server.Stop();
}

public static class RequestMessageExtensions
{
    /// <summary>The path as it was sent, percent-encoding kept (WireMock's Path is decoded).</summary>
    public static string RawPath(this WireMock.IRequestMessage request) => new Uri(request.Url).AbsolutePath;
}
