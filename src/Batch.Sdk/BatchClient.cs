using System;
using System.Linq;
using System.Net.Http;
using Batch.Sdk.Pipeline;
using Batch.Sdk.Validation;
using Microsoft.Extensions.Logging;

namespace Batch.Sdk;

/// <summary>
/// The entry point of the SDK. Built from <see cref="BatchClientOptions"/>, it exposes one client per API area:
/// <code>
/// using var batch = new BatchClient(new BatchClientOptions { RestApiKey = "...", ProjectKey = "...", AppApiKey = "..." });
/// var created = await batch.PushCampaigns.CreateAsync(new PushCampaignCreateRequest { ... });
/// await batch.ForApp(androidApiKey).PushCampaigns.CreateAsync(...);
/// </code>
/// Thread-safe; create one per set of credentials and reuse it.
/// </summary>
public sealed class BatchClient : IBatchClient, IDisposable
{
    private readonly BatchClientOptions _options;
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly BatchAppClient _defaultApp;

    /// <summary>
    /// Creates a client with its own HTTP pipeline (see the README's "Security and limits"): time limits on every call
    /// and its body read, retries with Batch's rules (<see cref="BatchClientOptions.Retry"/>), a response cap
    /// (<see cref="BatchClientOptions.MaxResponseBytes"/>), no redirects, and a pooled connection transport.
    /// </summary>
    /// <param name="options">Keys, endpoint and policies, copied now.</param>
    /// <exception cref="ArgumentException">The options are invalid (for example, no REST API key, or a key with a line break).</exception>
    public BatchClient(BatchClientOptions options)
        : this(Validated(options), BatchRedirects.CreatePrimaryHandler(), disposeTransport: true, time: null, logger: null)
    {
    }

    /// <summary>
    /// Creates a client with the SDK's HTTP pipeline, as <see cref="BatchClient(BatchClientOptions)"/> does, over your
    /// transport (a proxy, client certificates, a test handler). Automatic redirects are turned off on .NET's
    /// transports; another transport that follows a redirect fails the call instead of returning the other host's answer.
    /// </summary>
    /// <param name="options">Keys, endpoint and policies, copied now.</param>
    /// <param name="transport">The innermost handler, such as a configured <c>SocketsHttpHandler</c>; not disposed by this instance.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public BatchClient(BatchClientOptions options, HttpMessageHandler transport)
        : this(Validated(options), transport ?? throw new ArgumentNullException(nameof(transport)), disposeTransport: false, time: null, logger: null)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> as it is: its handlers, timeout and redirect
    /// settings are yours, and <see cref="BatchClientOptions.Retry"/> and <see cref="BatchClientOptions.MaxResponseBytes"/>
    /// do not apply. Prefer <c>AddBatch</c> (IHttpClientFactory with the SDK's pipeline) or
    /// <see cref="BatchClient(BatchClientOptions, HttpMessageHandler)"/>.
    /// </summary>
    /// <param name="options">Keys and endpoint.</param>
    /// <param name="httpClient">The client to send with; not disposed by this instance.</param>
    /// <exception cref="ArgumentException">The options are invalid (for example, no REST API key).</exception>
    public BatchClient(BatchClientOptions options, HttpClient httpClient)
        : this(Validated(options), httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttpClient: false)
    {
    }

    /// <summary>The SDK's pipeline over <paramref name="transport"/>, with a clock and a logger (tests, benchmarks).</summary>
    internal BatchClient(BatchClientOptions options, HttpMessageHandler transport, bool disposeTransport, TimeProvider? time, ILogger? logger)
        : this(options, BatchHttpPipeline.CreateHttpClient(options, transport, disposeTransport, time, logger), ownsHttpClient: true)
    {
    }

    private BatchClient(BatchClientOptions options, HttpClient httpClient, bool ownsHttpClient)
    {
        _options = options;
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _defaultApp = new BatchAppClient(options, httpClient);
        Campaigns = new CampaignsClient(options, httpClient);
        Orchestrations = new OrchestrationsClient(options, httpClient);
        Profiles = new ProfilesClient(options, httpClient);
        Audiences = new AudiencesClient(options, httpClient);
        Exports = new ExportsClient(options, httpClient);
        Catalogs = new CatalogsClient(options, httpClient);
        Segments = new SegmentsClient(options, httpClient);
    }

    /// <inheritdoc />
    public IPushCampaignsClient PushCampaigns => _defaultApp.PushCampaigns;

    /// <inheritdoc />
    public IInAppCampaignsClient InAppCampaigns => _defaultApp.InAppCampaigns;

    /// <inheritdoc />
    public ITransactionalClient Transactional => _defaultApp.Transactional;

    /// <inheritdoc />
    public ICustomAudiencesClient CustomAudiences => _defaultApp.CustomAudiences;

    /// <inheritdoc />
    public ICampaignsClient Campaigns { get; }

    /// <inheritdoc />
    public IOrchestrationsClient Orchestrations { get; }

    /// <inheritdoc />
    public IProfilesClient Profiles { get; }

    /// <inheritdoc />
    public IAudiencesClient Audiences { get; }

    /// <inheritdoc />
    public IExportsClient Exports { get; }

    /// <inheritdoc />
    public ICatalogsClient Catalogs { get; }

    /// <inheritdoc />
    public ISegmentsClient Segments { get; }

    /// <inheritdoc />
    public IBatchAppClient ForApp(string appApiKey) =>
        new BatchAppClient(_options.WithAppApiKey(BatchArgument.EnsureKey(appApiKey, nameof(appApiKey))), _httpClient);

    /// <summary>The HttpClient the area clients send with (tests send requests the SDK did not build through it).</summary>
    internal HttpClient HttpClient => _httpClient;

    /// <summary>Releases the HTTP pipeline if this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
            _httpClient.Dispose();
    }

    private static BatchClientOptions Validated(BatchClientOptions options)
    {
        if (options is null)
            throw new ArgumentNullException(nameof(options));
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        // A copy: options changed after validation cannot reach the client (ForApp reads them later).
        return options.Clone();
    }
}
