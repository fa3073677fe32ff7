using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Testing.Handling;
using Batch.Sdk.Testing.Spec;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Batch.Sdk.Testing;

/// <summary>
/// A fake Batch API, in-process on 127.0.0.1 and a free port, that speaks the documented protocol of the SDK's
/// spec: 1.1 push and in-app campaigns, 2.8 campaigns and transactional sends keep state; every other operation
/// answers its documented example. Requests are authenticated and validated against the spec, and answered with
/// Batch's documented errors when they break it.
/// <code>
/// await using var fake = BatchFakeServer.Start();
/// using var batch = new BatchClient(fake.Options);
/// var created = await batch.PushCampaigns.CreateAsync(...);
/// </code>
/// Thread-safe. Start one per test: after the first one in a process (which parses the spec), a start is cheap.
/// </summary>
public sealed class BatchFakeServer : IAsyncDisposable, IDisposable
{
    private readonly WireMockServer _server;
    private readonly FakeHandler _handler;
    private readonly FakeRequestLog _requests;
    private readonly BatchFakeServerOptions _keys;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private BatchFakeServer(BatchFakeServerOptions options)
    {
        _keys = new BatchFakeServerOptions
        {
            RestApiKey = options.RestApiKey,
            ProjectKey = options.ProjectKey,
            IosAppApiKey = options.IosAppApiKey,
            AndroidAppApiKey = options.AndroidAppApiKey,
        };
        var spec = BatchSpec.Embedded;
        var errors = new FakeErrors(spec.Errors);
        _requests = new FakeRequestLog(options.MaxRecordedRequests);
        _handler = new FakeHandler(spec, new FakeAuthenticator(_keys), Faults, new FakeOperations(State, errors), _requests);
        var gate = new FakeRequestGate(spec, errors, _requests, options.MaxRequestBodyBytes);
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            DisableJsonBodyParsing = true,
            // The body is taken as sent, within the size limit: a gzip body is not inflated past it.
            DisableRequestBodyDecompressing = true,
            // The fake keeps its own bounded log (Requests); WireMock's would keep every request and body again.
            MaxRequestLogCount = 0,
            PreWireMockMiddlewareInit = app =>
            {
                WireMockBridge.AbortMarkedResponses(app);
                gate.Use((Microsoft.AspNetCore.Builder.IApplicationBuilder)app);
            },
        });
        _server
            .Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(async message =>
                WireMockBridge.ToMessage(await _handler.HandleAsync(WireMockBridge.ToIncoming(message), _stopping.Token).ConfigureAwait(false))));
        Url = new Uri(_server.Url! + "/");
    }

    /// <summary>The fake's base address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>
    /// New client options for this fake: its <see cref="Url"/>, REST API key, project key and the iOS app as the
    /// default app, with the SDK's default retry policy. A new instance on every call, so a test may change it
    /// (for example <c>Retry.Enabled = false</c> to see faults without retries).
    /// </summary>
    public BatchClientOptions Options => new()
    {
        BaseAddress = Url,
        RestApiKey = _keys.RestApiKey,
        ProjectKey = _keys.ProjectKey,
        AppApiKey = _keys.IosAppApiKey,
    };

    /// <summary>The REST API key the fake accepts.</summary>
    public string RestApiKey => _keys.RestApiKey;

    /// <summary>The project key the fake accepts.</summary>
    public string ProjectKey => _keys.ProjectKey;

    /// <summary>The iOS app's API key, the default app of <see cref="Options"/>.</summary>
    public string IosAppApiKey => _keys.IosAppApiKey;

    /// <summary>The Android app's API key: <c>batch.ForApp(fake.AndroidAppApiKey)</c>.</summary>
    public string AndroidAppApiKey => _keys.AndroidAppApiKey;

    /// <summary>What one quota let through and refused, when the fake enforces <see cref="BatchFakeServerOptions.Quotas"/>.</summary>
    /// <param name="kind">The quota.</param>
    /// <returns>The quota's usage so far; all zero when quotas are not enforced.</returns>
    public BatchFakeQuotaUsage GetQuotaUsage(BatchFakeQuotaKind kind) =>
        _handler.Quotas?.Usage(kind) ?? new BatchFakeQuotaUsage(0, 0, 0, null, null, null, null);

    /// <summary>Failures to inject: rate limiting, maintenance, latency, dropped connections.</summary>
    public BatchFakeFaults Faults { get; } = new();

    /// <summary>The campaigns and sends the fake holds.</summary>
    public BatchFakeState State { get; } = new();

    /// <summary>
    /// The requests received so far, oldest first (a copy): the most recent
    /// <see cref="BatchFakeServerOptions.MaxRecordedRequests"/> of them (1,000 by default).
    /// </summary>
    public IReadOnlyList<BatchFakeRequest> Requests => _requests.Snapshot();

    /// <summary>How many entries WireMock's own request log holds (none: the fake keeps its own, bounded).</summary>
    internal int WireMockLogEntryCount => _server.LogEntries.Count();

    /// <summary>Starts a fake with new random keys.</summary>
    /// <returns>The running fake; dispose it to stop it.</returns>
    public static BatchFakeServer Start() => Start(new BatchFakeServerOptions());

    /// <summary>Starts a fake that accepts the given keys and keeps the given bounds.</summary>
    /// <param name="options">The keys to accept and the bounds to keep.</param>
    /// <returns>The running fake; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">A key is missing, both apps have the same key, or a bound is out of range.</exception>
    public static BatchFakeServer Start(BatchFakeServerOptions options)
    {
        if (options is null)
            throw new ArgumentNullException(nameof(options));
        options.Validate();
        options.Quotas?.Validate();
        var fake = new BatchFakeServer(options);
        if (options.Quotas is { } quotas)
            fake._handler.Quotas = new FakeQuotas(quotas, new FakeErrors(BatchSpec.Embedded.Errors));
        return fake;
    }

    /// <summary>Stops the server; calling it again does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        _stopping.Cancel();
        _server.Stop();
        _server.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    /// <summary>The fake's address; never a key.</summary>
    public override string ToString() => $"{nameof(BatchFakeServer)} {Url}";
}
