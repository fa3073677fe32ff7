using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Clients;
using Batch.Sdk.Benchmarks.Fixtures;
using BenchmarkDotNet.Attributes;

namespace Batch.Sdk.Benchmarks.InProcess;

/// <summary>1.1 push create: serialize the request, deserialize the 201.</summary>
public class PushCreateBenchmark : PerCallBenchmark
{
    private readonly PushCampaignCreateRequest _sdkBody = ScenarioRequests.SdkPushCreate();
    private readonly PlainPushCampaignCreate _plainBody = ScenarioRequests.PlainPushCreate();

    [Benchmark(Baseline = true)]
    public Task<PlainCampaignToken> Floor() => Plain(FloorApi);

    [Benchmark]
    public Task<PushCampaignCreated> Sdk() => Call(SdkApi);

    [Benchmark]
    public Task<PushCampaignCreated> SdkWithoutRetry() => Call(SdkWithoutRetryApi);

    [Benchmark]
    public Task<PlainCampaignToken> Refit() => Refit(RefitApi);

    [Benchmark]
    public Task<PlainCampaignToken> PeerA() => Plain(PeerAApi);

    [Benchmark]
    public Task<PlainCampaignToken> PeerB() => Refit(PeerBApi);

    private Task<PlainCampaignToken> Plain(FloorClient client) => client.CreatePushCampaignAsync(_plainBody);

    private Task<PlainCampaignToken> Refit(IRefitBatchApi api) => api.CreatePushCampaignAsync(BenchmarkKeys.AppApiKey, BenchmarkKeys.RestApiKey, _plainBody);

    private Task<PushCampaignCreated> Call(BatchClient sdk) => sdk.PushCampaigns.CreateAsync(_sdkBody);

    protected override async Task VerifyAsync()
    {
        var token = (await Sdk()).CampaignToken;
        Expect(token == BenchmarkKeys.CampaignToken, "the SDK did not read the token");
        Expect((await SdkWithoutRetry()).CampaignToken == token, "the SDK without its pipeline disagrees");
        Expect((await Floor()).CampaignToken == token && (await Refit()).CampaignToken == token, "the clients disagree");
        Expect((await PeerA()).CampaignToken == token && (await PeerB()).CampaignToken == token, "the peers disagree");
    }
}
