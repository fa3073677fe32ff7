using System;
using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Clients;
using Batch.Sdk.Benchmarks.Fixtures;
using BenchmarkDotNet.Attributes;

namespace Batch.Sdk.Benchmarks.InProcess;

/// <summary>
/// One in-process scenario: the SDK (its whole pipeline and auth in the path), the hand-written floor, Refit, and what a
/// careful user would write instead (<see cref="PeerClients"/>: Peer A, HttpClient from IHttpClientFactory +
/// Newtonsoft.Json + the standard resilience handler; Peer B, Refit with Newtonsoft.Json + the standard handler), each
/// over the same stub handler. The floor is the baseline, so BenchmarkDotNet's ratio columns are the ratios to the floor.
/// </summary>
public abstract class PerCallBenchmark
{
    protected BatchClient SdkApi { get; private set; } = null!;

    /// <summary>The SDK on a plain HttpClient, as used with your own resilience pipeline: what the SDK's pipeline costs.</summary>
    protected BatchClient SdkWithoutRetryApi { get; private set; } = null!;

    protected FloorClient FloorApi { get; private set; } = null!;

    protected IRefitBatchApi RefitApi { get; private set; } = null!;

    private PeerClients _peers = null!;

    /// <summary>Peer A: the floor's code on IHttpClientFactory's client with the standard resilience handler.</summary>
    protected FloorClient PeerAApi => _peers.PeerA;

    /// <summary>Peer B: Refit with Newtonsoft.Json on the same kind of client.</summary>
    protected IRefitBatchApi PeerBApi => _peers.PeerB;

    [GlobalSetup]
    public void Setup()
    {
        var stub = new StubBatchHandler();
        SdkApi = BenchmarkClients.Sdk(stub, BenchmarkKeys.StubBaseAddress);
        SdkWithoutRetryApi = BenchmarkClients.SdkWithoutRetry(stub, BenchmarkKeys.StubBaseAddress);
        FloorApi = BenchmarkClients.Floor(stub, BenchmarkKeys.StubBaseAddress);
        RefitApi = BenchmarkClients.Refit(stub, BenchmarkKeys.StubBaseAddress);
        _peers = PeerClients.Create(stub, BenchmarkKeys.StubBaseAddress);
        // A benchmark that silently did less work than its rivals would be worthless: check they agree first.
        VerifyAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SdkApi.Dispose();
        SdkWithoutRetryApi.Dispose();
        _peers.Dispose();
    }

    /// <summary>Runs each client once and throws unless all read the same answer.</summary>
    protected abstract Task VerifyAsync();

    protected void Expect(bool condition, string what)
    {
        if (!condition)
            throw new InvalidOperationException($"{GetType().Name}: {what}");
    }
}
