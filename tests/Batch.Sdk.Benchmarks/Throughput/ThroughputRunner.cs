using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Clients;
using Batch.Sdk.Benchmarks.Fixtures;
using Batch.Sdk.Pipeline;

namespace Batch.Sdk.Benchmarks.Throughput;

/// <summary>One measured run: a client, a number of concurrent callers, and what the run showed.</summary>
public sealed record ThroughputResult(string Client, int Callers, int Requests, double RequestsPerSecond, int Connections, long HeapBeforeBytes, long HeapAfterBytes);

/// <summary>
/// Loopback throughput: the SDK as <c>new BatchClient(options)</c> builds it (retry handler, pooled SocketsHttpHandler)
/// against the hand-written floor on a raw HttpClient with the same kind of handler, and Peers A and B
/// (<see cref="PeerClients"/>: IHttpClientFactory's client with the standard resilience handler over the same kind of
/// handler), all reading the in-app view (GET, about 600 bytes of JSON) from <see cref="LoopbackBatchServer"/> with 1,
/// 16 and 64 concurrent callers. Each set of runs is repeated and the median kept, rotating the clients' order so that
/// load on the machine hits all of them.
/// </summary>
public static class ThroughputRunner
{
    public static readonly int[] CallerCounts = { 1, 16, 64 };

    public const string Sdk = "SDK", RawHttpClient = "HttpClient", PeerA = "Peer A", PeerB = "Peer B";

    public static readonly string[] Clients = { Sdk, RawHttpClient, PeerA, PeerB };

    public static async Task<IReadOnlyList<ThroughputResult>> RunAsync(int requestsPerRun, int rounds, Action<string> log)
    {
        await using var server = await LoopbackBatchServer.StartAsync().ConfigureAwait(false);
        // Warm-up (JIT, Kestrel, connection pools); not measured.
        foreach (var client in Clients)
            await MeasureAsync(server, client, 16, Math.Min(requestsPerRun, 2000)).ConfigureAwait(false);

        var results = new List<ThroughputResult>();
        foreach (var callers in CallerCounts)
        {
            var runs = Clients.ToDictionary(client => client, _ => new List<ThroughputResult>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var client in Clients.Skip(round % Clients.Length).Concat(Clients.Take(round % Clients.Length)))
                {
                    var result = await MeasureAsync(server, client, callers, requestsPerRun).ConfigureAwait(false);
                    log($"  {client,-10} {callers,2} callers: {result.RequestsPerSecond,9:N0} req/s, {result.Connections} connections");
                    runs[client].Add(result);
                }
            }

            results.AddRange(runs.Values.Select(Median));
        }

        return results;
    }

    private static ThroughputResult Median(List<ThroughputResult> runs) =>
        runs.OrderBy(run => run.RequestsPerSecond).ElementAt(runs.Count / 2);

    private static async Task<ThroughputResult> MeasureAsync(LoopbackBatchServer server, string client, int callers, int requests)
    {
        // A fresh client per run, so that the connection count is this run's.
        using var primary = BatchHttpClientFactoryShape();
        using var http = client == RawHttpClient ? new HttpClient(primary, disposeHandler: false) { BaseAddress = server.BaseAddress } : null;
        using var sdk = client == Sdk ? new BatchClient(BenchmarkClients.SdkOptions(server.BaseAddress)) : null;
        using var peers = client is PeerA or PeerB ? PeerClients.Create(primary, server.BaseAddress) : null;
        var floor = http is null ? null : new FloorClient(http);
        Func<Task> call = client switch
        {
            Sdk => () => sdk!.InAppCampaigns.GetAsync(BenchmarkKeys.InAppCampaignToken),
            RawHttpClient => () => floor!.GetInAppCampaignAsync(BenchmarkKeys.InAppCampaignToken),
            PeerA => () => peers!.PeerA.GetInAppCampaignAsync(BenchmarkKeys.InAppCampaignToken),
            PeerB => () => peers!.PeerB.GetInAppCampaignAsync(BenchmarkKeys.AppApiKey, BenchmarkKeys.InAppCampaignToken, BenchmarkKeys.RestApiKey),
            _ => throw new ArgumentOutOfRangeException(nameof(client), client, "unknown client"),
        };

        await call().ConfigureAwait(false);
        server.ResetConnectionCount();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var remaining = requests;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
                await call().ConfigureAwait(false);
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        watch.Stop();
        var connections = server.ConnectionCount;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        return new ThroughputResult(client, callers, requests, requests / watch.Elapsed.TotalSeconds, connections, heapBefore, heapAfter);
    }

    /// <summary>The primary handler the SDK builds for itself, so that the raw client differs only in what sits above it.</summary>
    private static SocketsHttpHandler BatchHttpClientFactoryShape() => new() { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
}
