using System.Net.Http;
using Microsoft.Extensions.Options;

namespace Batch.Sdk.DependencyInjection;

/// <summary>Builds clients from the named options and the matching IHttpClientFactory client.</summary>
internal sealed class BatchClientFactory : IBatchClientFactory
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<BatchClientOptions> _options;

    public BatchClientFactory(IHttpClientFactory httpClientFactory, IOptionsMonitor<BatchClientOptions> options)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
    }

    public IBatchClient CreateClient(string name) =>
        new BatchClient(_options.Get(name), _httpClientFactory.CreateClient(HttpClientName(name)));

    /// <summary>One IHttpClientFactory client per registration, so each can have its own handlers.</summary>
    internal static string HttpClientName(string name) =>
        string.IsNullOrEmpty(name) ? "Batch.Sdk" : "Batch.Sdk:" + name;
}
