using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Clients;
using Batch.Sdk.Benchmarks.Fixtures;
using BenchmarkDotNet.Attributes;

namespace Batch.Sdk.Benchmarks.InProcess;

/// <summary>1.1 in-app campaign view: the documented campaign.</summary>
public class InAppViewBenchmark : PerCallBenchmark
{
    [Benchmark(Baseline = true)]
    public Task<PlainInAppCampaign> Floor() => Plain(FloorApi);

    [Benchmark]
    public Task<InAppCampaignDetails> Sdk() => Call(SdkApi);

    [Benchmark]
    public Task<InAppCampaignDetails> SdkWithoutRetry() => Call(SdkWithoutRetryApi);

    [Benchmark]
    public Task<PlainInAppCampaign> Refit() => Refit(RefitApi);

    [Benchmark]
    public Task<PlainInAppCampaign> PeerA() => Plain(PeerAApi);

    [Benchmark]
    public Task<PlainInAppCampaign> PeerB() => Refit(PeerBApi);

    private static Task<PlainInAppCampaign> Plain(FloorClient client) => client.GetInAppCampaignAsync(BenchmarkKeys.InAppCampaignToken);

    private static Task<PlainInAppCampaign> Refit(IRefitBatchApi api) => api.GetInAppCampaignAsync(BenchmarkKeys.AppApiKey, BenchmarkKeys.InAppCampaignToken, BenchmarkKeys.RestApiKey);

    private static Task<InAppCampaignDetails> Call(BatchClient sdk) => sdk.InAppCampaigns.GetAsync(BenchmarkKeys.InAppCampaignToken);

    protected override async Task VerifyAsync()
    {
        var label = (await Sdk()).Landing?.Contents?[0].Actions?[0].Label;
        Expect(label == "Ok", "the SDK did not read the landing action");
        Expect((await SdkWithoutRetry()).Landing?.Contents?[0].Actions?[0].Label == label, "the SDK without its pipeline disagrees");
        Expect((await Floor()).Landing?.Contents?[0].Actions?[0].Label == label, "the floor disagrees");
        Expect((await Refit()).Landing?.Contents?[0].Actions?[0].Label == label, "Refit disagrees");
        Expect((await PeerA()).Landing?.Contents?[0].Actions?[0].Label == label, "Peer A disagrees");
        Expect((await PeerB()).Landing?.Contents?[0].Actions?[0].Label == label, "Peer B disagrees");
    }
}
