using System;
using System.Linq;
using System.Net.Http;
using Batch.Sdk.Pipeline;
using Batch.Sdk.Validation;

namespace Batch.Sdk;

/// <summary>
/// The entry point of the SDK. Built from <see cref="BatchClientOptions"/>, it exposes one client per API area:
/// <code>
/// using var batch = new BatchClient(new BatchClientOptions { RestApiKey = "...", ProjectKey = "...", AppApiKey = "..." });
/// var created = await batch.PushCampaigns.CreateAsync(new PushCampaignCreate { ... });
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
    /// Creates a client with its own HTTP pipeline: connection pooling and, when <see cref="BatchRetryOptions.Enabled"/>,
    /// a <see cref="BatchRetryHandler"/> with the policy of <see cref="BatchClientOptions.Retry"/>.
    /// </summary>
    /// <param name="options">Keys, endpoint and retry policy.</param>
    /// <exception cref="ArgumentException">The options are invalid (for example, no REST API key).</exception>
    public BatchClient(BatchClientOptions options)
        : this(options, BatchHttpClientFactory.Create(Validated(options)), ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/>, such as one from IHttpClientFactory. Its
    /// pipeline is used as it is, and <see cref="BatchClientOptions.Retry"/> is ignored: add a
    /// <see cref="BatchRetryHandler"/> (or your own resilience handler) to retry, and set the client's timeout.
    /// </summary>
    /// <param name="options">Keys and endpoint.</param>
    /// <param name="httpClient">The client to send with; not disposed by this instance.</param>
    /// <exception cref="ArgumentException">The options are invalid (for example, no REST API key).</exception>
    public BatchClient(BatchClientOptions options, HttpClient httpClient)
        : this(Validated(options), httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttpClient: false)
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
        return options;
    }
}
