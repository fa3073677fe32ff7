using System.Collections.Generic;
using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Clients;
using Batch.Sdk.Benchmarks.Fixtures;
using BenchmarkDotNet.Attributes;

namespace Batch.Sdk.Benchmarks.InProcess;

/// <summary>1.1 push campaign list: a page of 100 campaigns.</summary>
public class CampaignListBenchmark : PerCallBenchmark
{
    private const int Limit = CannedResponses.CampaignListItems;

    [Benchmark(Baseline = true)]
    public Task<List<PlainCampaignSummary>> Floor() => Plain(FloorApi);

    [Benchmark]
    public Task<IList<AppCampaignSummary>> Sdk() => Call(SdkApi);

    [Benchmark]
    public Task<IList<AppCampaignSummary>> SdkWithoutRetry() => Call(SdkWithoutRetryApi);

    [Benchmark]
    public Task<List<PlainCampaignSummary>> Refit() => Refit(RefitApi);

    [Benchmark]
    public Task<List<PlainCampaignSummary>> PeerA() => Plain(PeerAApi);

    [Benchmark]
    public Task<List<PlainCampaignSummary>> PeerB() => Refit(PeerBApi);

    private static Task<List<PlainCampaignSummary>> Plain(FloorClient client) => client.ListPushCampaignsAsync(Limit);

    private static Task<List<PlainCampaignSummary>> Refit(IRefitBatchApi api) => api.ListPushCampaignsAsync(BenchmarkKeys.AppApiKey, Limit, BenchmarkKeys.RestApiKey);

    private static Task<IList<AppCampaignSummary>> Call(BatchClient sdk) => sdk.PushCampaigns.ListAsync(limit: Limit);

    protected override async Task VerifyAsync()
    {
        Expect((await Sdk()).Count == Limit, "the SDK did not read 100 campaigns");
        Expect((await SdkWithoutRetry()).Count == Limit, "the SDK without its pipeline disagrees");
        Expect((await Floor()).Count == Limit && (await Refit()).Count == Limit, "the clients disagree");
        Expect((await PeerA()).Count == Limit && (await PeerB()).Count == Limit, "the peers disagree");
    }
}
