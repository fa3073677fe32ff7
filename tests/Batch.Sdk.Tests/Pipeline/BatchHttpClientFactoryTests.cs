using System;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Pipeline;
using WireMock.RequestBuilders;
using static Batch.Sdk.Tests.Pipeline.BatchRetryHandlerStatusTests;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>The pipeline <c>new BatchClient(options)</c> builds, with and without the built-in retry policy.</summary>
public sealed class BatchHttpClientFactoryTests : IDisposable
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
    public void Without_the_retry_handler_TotalTimeout_becomes_the_HttpClient_timeout()
    {
        var options = _server.Options(withRetries: false);
        options.Retry.TotalTimeout = TimeSpan.FromSeconds(42);

        using var httpClient = BatchHttpClientFactory.Create(options);

        httpClient.Timeout.ShouldBe(TimeSpan.FromSeconds(42));
    }

    [Fact]
    public void With_the_retry_handler_the_HttpClient_has_no_timeout_of_its_own()
    {
        using var httpClient = BatchHttpClientFactory.Create(_server.Options(withRetries: true));

        httpClient.Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
    }
}
