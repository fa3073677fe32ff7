using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Clients;
using Batch.Sdk.Benchmarks.Fixtures;
using BenchmarkDotNet.Attributes;

namespace Batch.Sdk.Benchmarks.InProcess;

/// <summary>2.8 campaign update with an email message: serialize the polymorphic message, read the empty 200.</summary>
public class CampaignUpdateBenchmark : PerCallBenchmark
{
    private readonly CampaignUpdateRequest _sdkBody = ScenarioRequests.SdkCampaignUpdate();
    private readonly PlainCampaignUpdate _plainBody = ScenarioRequests.PlainCampaignUpdate();

    [Benchmark(Baseline = true)]
    public Task<PlainEmpty> Floor() => Plain(FloorApi);

    [Benchmark]
    public Task<ProjectApiEmptyResponse> Sdk() => Call(SdkApi);

    [Benchmark]
    public Task<ProjectApiEmptyResponse> SdkWithoutRetry() => Call(SdkWithoutRetryApi);

    [Benchmark]
    public Task<PlainEmpty> Refit() => Refit(RefitApi);

    [Benchmark]
    public Task<PlainEmpty> PeerA() => Plain(PeerAApi);

    [Benchmark]
    public Task<PlainEmpty> PeerB() => Refit(PeerBApi);

    private Task<PlainEmpty> Plain(FloorClient client) => client.UpdateCampaignAsync(_plainBody);

    private Task<PlainEmpty> Refit(IRefitBatchApi api) => api.UpdateCampaignAsync(BenchmarkKeys.RestApiKey, BenchmarkKeys.ProjectKey, _plainBody);

    private Task<ProjectApiEmptyResponse> Call(BatchClient sdk) => sdk.Campaigns.UpdateAsync(_sdkBody);

    protected override async Task VerifyAsync()
    {
        Expect(await Sdk() is not null, "the SDK did not read the empty body");
        Expect(await SdkWithoutRetry() is not null, "the SDK without its pipeline did not read the empty body");
        Expect(await Floor() is not null && await Refit() is not null, "the clients disagree");
        Expect(await PeerA() is not null && await PeerB() is not null, "the peers disagree");
    }
}
