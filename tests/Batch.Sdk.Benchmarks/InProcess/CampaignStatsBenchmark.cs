using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Clients;
using Batch.Sdk.Benchmarks.Fixtures;
using BenchmarkDotNet.Attributes;

namespace Batch.Sdk.Benchmarks.InProcess;

/// <summary>1.1 push campaign stats: 365 days.</summary>
public class CampaignStatsBenchmark : PerCallBenchmark
{
    [Benchmark(Baseline = true)]
    public Task<PlainCampaignStats> Floor() => FloorApi.GetPushCampaignStatsAsync(BenchmarkKeys.CampaignToken);

    [Benchmark]
    public Task<PushCampaignStats> Sdk() => Call(SdkApi);

    [Benchmark]
    public Task<PushCampaignStats> SdkWithoutRetry() => Call(SdkWithoutRetryApi);

    [Benchmark]
    public Task<PlainCampaignStats> Refit() => RefitApi.GetPushCampaignStatsAsync(BenchmarkKeys.AppApiKey, BenchmarkKeys.CampaignToken, BenchmarkKeys.RestApiKey);

    private static Task<PushCampaignStats> Call(BatchClient sdk) => sdk.PushCampaigns.GetStatsAsync(BenchmarkKeys.CampaignToken);

    protected override async Task VerifyAsync()
    {
        var days = (await Sdk()).Detail!;
        Expect(days.Count == CannedResponses.StatsDays && days[364].Date?.Year == 2016, "the SDK did not read 365 dated days");
        Expect((await SdkWithoutRetry()).Detail![364].Date == days[364].Date, "the SDK without its retry handler disagrees");
        var floor = (await Floor()).Detail!;
        var refit = (await Refit()).Detail!;
        Expect(floor.Count == days.Count && floor[364].Date == days[364].Date, "the floor disagrees");
        Expect(refit.Count == days.Count && refit[364].Date == days[364].Date, "Refit disagrees");
    }
}
