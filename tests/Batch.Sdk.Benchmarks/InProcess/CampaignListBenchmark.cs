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
    public Task<List<PlainCampaignSummary>> Floor() => FloorApi.ListPushCampaignsAsync(Limit);

    [Benchmark]
    public Task<IList<MepCampaignSummary>> Sdk() => SdkApi.PushCampaigns.ListAsync(limit: Limit);

    [Benchmark]
    public Task<List<PlainCampaignSummary>> Refit() => RefitApi.ListPushCampaignsAsync(BenchmarkKeys.AppApiKey, Limit, BenchmarkKeys.RestApiKey);

    protected override async Task VerifyAsync()
    {
        Expect((await Sdk()).Count == Limit, "the SDK did not read 100 campaigns");
        Expect((await Floor()).Count == Limit && (await Refit()).Count == Limit, "the clients disagree");
    }
}
