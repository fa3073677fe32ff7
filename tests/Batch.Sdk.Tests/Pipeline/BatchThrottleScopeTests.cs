using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Batch.Sdk.Pipeline;
using WireMock.RequestBuilders;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>The pipeline tells the caller's throttle scope of every 429, even one its retries absorb.</summary>
public sealed class BatchThrottleScopeTests : IDisposable
{
    private const string ListPath = "/1.1/" + LoopbackServer.AppApiKey + "/campaigns/list";
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Each_429_the_pipeline_absorbs_is_reported_with_its_wait()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(ListPath).UsingGet(),
            BatchResilienceHandlerStatusTests.TooManyRequests(), BatchResilienceHandlerStatusTests.TooManyRequests().WithHeader("Retry-After", "8"), BatchResilienceHandlerStatusTests.Ok("[]"));
        using var harness = new RetryHarness(_server);
        var waits = new List<TimeSpan>();

        await harness.RunAsync(async batch =>
        {
            using (BatchThrottleScope.Observe(waits.Add))
                await batch.PushCampaigns.ListAsync();
        });

        waits.ShouldBe([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8)]);
    }

    [Fact]
    public async Task Calls_outside_a_scope_report_to_no_one_and_scopes_do_not_leak()
    {
        var seen = new List<TimeSpan>();
        using (BatchThrottleScope.Observe(seen.Add))
            await Task.Run(() => BatchThrottleScope.OnThrottled(TimeSpan.FromSeconds(7)));

        BatchThrottleScope.OnThrottled(TimeSpan.FromSeconds(9));
        seen.ShouldBe([TimeSpan.FromSeconds(7)]);
    }
}
