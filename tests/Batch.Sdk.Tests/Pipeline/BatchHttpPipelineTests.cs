using System;
using System.Threading;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using static Batch.Sdk.Tests.Pipeline.BatchResilienceHandlerStatusTests;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>The pipeline <c>new BatchClient(options)</c> builds, with and without retries.</summary>
public sealed class BatchHttpPipelineTests : IDisposable
{
    private const string ListPath = "/1.1/" + LoopbackServer.AppApiKey + "/campaigns/list";

    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_client_with_retries_enabled_retries_a_503()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(ListPath).UsingGet(), Maintenance(), Ok("[]"));
        var options = _server.Options(withRetries: true);
        // Zero back-off keeps this real-clock test instant; the fake-clock tests cover the delays.
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxJitter = TimeSpan.Zero;
        using var batch = new BatchClient(options);

        var campaigns = await batch.PushCampaigns.ListAsync();

        campaigns.ShouldBeEmpty();
        _server.Requests.Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_client_with_retries_disabled_sends_once()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(ListPath).UsingGet(), Maintenance(), Ok("[]"));
        using var batch = new BatchClient(_server.Options(withRetries: false));

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.ListAsync());

        exception.IsMaintenance.ShouldBeTrue();
        _server.Requests.Length.ShouldBe(1);
    }

    [Fact]
    public void An_owned_pipeline_has_no_HttpClient_timeout_because_the_pipeline_bounds_each_call_itself()
    {
        using var withRetries = new BatchClient(_server.Options(withRetries: true));
        using var withoutRetries = new BatchClient(_server.Options(withRetries: false));

        withRetries.HttpClient.Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
        withoutRetries.HttpClient.Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
    }
}
