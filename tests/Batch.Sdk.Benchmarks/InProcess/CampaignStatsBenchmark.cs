using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Clients;
using Batch.Sdk.Benchmarks.Fixtures;
using BenchmarkDotNet.Attributes;

namespace Batch.Sdk.Benchmarks.InProcess;

/// <summary>1.1 push campaign stats: 365 days.</summary>
public class CampaignStatsBenchmark : PerCallBenchmark
{
    [Benchmark(Baseline = true)]
    public Task<PlainCampaignStats> Floor() => Plain(FloorApi);

    [Benchmark]
    public Task<PushCampaignStats> Sdk() => Call(SdkApi);

    [Benchmark]
    public Task<PushCampaignStats> SdkWithoutRetry() => Call(SdkWithoutRetryApi);

    [Benchmark]
    public Task<PlainCampaignStats> Refit() => Refit(RefitApi);

    [Benchmark]
    public Task<PlainCampaignStats> PeerA() => Plain(PeerAApi);

    [Benchmark]
    public Task<PlainCampaignStats> PeerB() => Refit(PeerBApi);

    private static Task<PlainCampaignStats> Plain(FloorClient client) => client.GetPushCampaignStatsAsync(BenchmarkKeys.CampaignToken);

    private static Task<PlainCampaignStats> Refit(IRefitBatchApi api) => api.GetPushCampaignStatsAsync(BenchmarkKeys.AppApiKey, BenchmarkKeys.CampaignToken, BenchmarkKeys.RestApiKey);

    private static Task<PushCampaignStats> Call(BatchClient sdk) => sdk.PushCampaigns.GetStatsAsync(BenchmarkKeys.CampaignToken);

    protected override async Task VerifyAsync()
    {
        var days = (await Sdk()).Detail!;
        Expect(days.Count == CannedResponses.StatsDays && days[364].Date?.Year == 2016, "the SDK did not read 365 dated days");
        Expect((await SdkWithoutRetry()).Detail![364].Date == days[364].Date, "the SDK without its pipeline disagrees");
        var floor = (await Floor()).Detail!;
        Expect(floor.Count == days.Count && floor[364].Date == days[364].Date, "the floor disagrees");
        foreach (var (name, other) in new[] { ("Refit", Refit()), ("Peer A", PeerA()), ("Peer B", PeerB()) })
        {
            var read = (await other).Detail!;
            Expect(read.Count == days.Count && read[364].Date == days[364].Date, $"{name} disagrees");
        }
    }
}
