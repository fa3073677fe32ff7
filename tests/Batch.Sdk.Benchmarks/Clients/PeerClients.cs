using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Batch.Sdk.Benchmarks.Clients;

/// <summary>
/// What a careful user would write instead of the SDK, on the HttpClient that IHttpClientFactory hands out with
/// Microsoft.Extensions.Http.Resilience's standard handler (rate limiter, total timeout, retry, circuit breaker,
/// attempt timeout) in front of <c>primary</c>:
/// Peer A, the hand-written HttpClient + Newtonsoft.Json client (<see cref="FloorClient"/>, the floor's code on the
/// factory's client); Peer B, Refit with a Newtonsoft.Json content serializer (<see cref="NewtonsoftContentSerializer"/>).
/// The HttpClient is taken from the factory once and kept, as a singleton service holding a typed client would.
/// </summary>
public sealed class PeerClients : IDisposable
{
    private static readonly RefitSettings NewtonsoftRefitSettings = new(new NewtonsoftContentSerializer());

    private readonly ServiceProvider _services;

    private PeerClients(ServiceProvider services, HttpClient http)
    {
        _services = services;
        PeerA = new FloorClient(http);
        PeerB = RestService.For<IRefitBatchApi>(http, NewtonsoftRefitSettings);
    }

    public FloorClient PeerA { get; }

    public IRefitBatchApi PeerB { get; }

    /// <summary>Both peers over one factory client; <paramref name="primary"/> is not disposed with them.</summary>
    public static PeerClients Create(HttpMessageHandler primary, Uri baseAddress)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("peer", http => http.BaseAddress = baseAddress)
            .ConfigurePrimaryHttpMessageHandler(() => primary)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler();
        var provider = services.BuildServiceProvider();
        return new PeerClients(provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient("peer"));
    }

    public void Dispose() => _services.Dispose();
}
