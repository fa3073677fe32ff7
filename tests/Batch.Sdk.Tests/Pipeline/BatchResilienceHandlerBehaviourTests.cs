using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Pipeline;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using static Batch.Sdk.Tests.Pipeline.BatchResilienceHandlerStatusTests;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>Cancellation, logging, content replay and requests the SDK did not build.</summary>
public sealed class BatchResilienceHandlerBehaviourTests : IDisposable
{
    private const string CreatePath = "/1.1/" + LoopbackServer.AppApiKey + "/campaigns/create";

    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Cancelling_during_a_back_off_wait_stops_the_call_at_once_and_sends_nothing_more()
    {
        _server.Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(TooManyRequests());
        using var harness = new RetryHarness(_server);
        using var cancellation = new CancellationTokenSource();

        // The fake clock is never advanced: only cancellation can end the 5-second wait.
        var call = harness.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign(), cancellation.Token);
        await WaitUntil(() => harness.Logger.Retries.Count == 1);
        cancellation.Cancel();

        await Should.ThrowAsync<OperationCanceledException>(() => call);
        _server.Requests.Length.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_an_answer_throws_OperationCanceledException_and_is_not_retried()
    {
        using var server = new FaultyServer(FaultyServer.NoAnswer());
        using var harness = new RetryHarness(_server, baseAddress: server.BaseAddress);
        using var cancellation = new CancellationTokenSource();

        var call = harness.Batch.PushCampaigns.ListAsync(cancellationToken: cancellation.Token);
        await WaitUntil(() => server.Requests.Count == 1);
        cancellation.Cancel();

        await Should.ThrowAsync<OperationCanceledException>(() => call);
        server.Requests.Count.ShouldBe(1);
        harness.Logger.Retries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_retry_logs_one_structured_event_with_the_app_key_masked()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(CreatePath).UsingPost(), Maintenance(), TooManyRequests(), Created("created_token"));
        using var harness = new RetryHarness(_server, options => options.BaseDelay = TimeSpan.FromSeconds(2));

        await harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        var entries = harness.Logger.Retries;
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(entry => entry.EventId.Name == "BatchRetry" && entry.Level == LogLevel.Warning);
        entries.Select(entry => entry.Values["Operation"]).ShouldAllBe(operation => (string)operation! == "pushCampaigns_create");
        entries.Select(entry => entry.Values["Path"]).ShouldAllBe(path => (string)path! == "/1.1/***/campaigns/create");
        entries.Select(entry => entry.Values["Attempt"]).ShouldBe([1, 2]);
        entries.Select(entry => entry.Values["Status"]).ShouldBe(["503", "429"]);
        entries.Select(entry => entry.Values["Delay"]).ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)]);
        foreach (var secret in new[] { LoopbackServer.AppApiKey, LoopbackServer.RestApiKey, LoopbackServer.ProjectKey })
            entries.ShouldAllBe(entry => !entry.Message.Contains(secret) && !entry.Values.Values.Any(value => $"{value}".Contains(secret)));
    }

    [Fact]
    public async Task Jitter_adds_at_most_MaxJitter_to_a_wait()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(CreatePath).UsingPost(), TooManyRequests(), TooManyRequests(), TooManyRequests(), Created("t"));
        using var harness = new RetryHarness(_server, options => options.MaxJitter = TimeSpan.FromSeconds(2));

        await harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        harness.Logger.Retries.Select(entry => (TimeSpan)entry.Values["Delay"]!)
            .ShouldAllBe(delay => delay >= TimeSpan.FromSeconds(5) && delay <= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Streamed_content_is_buffered_so_that_a_retry_sends_the_same_bytes()
    {
        _server.Server.Sequence(() => Request.Create().WithPath("/upload").UsingPost(), Maintenance(), Ok("{}"));
        using var harness = new RetryHarness(_server);
        var bytes = Encoding.UTF8.GetBytes("""{"ids":["a","b","c"]}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseAddress, "/upload"))
        {
            Content = new StreamContent(new ReadOnceStream(bytes)),
        };

        var send = harness.HttpClient.SendAsync(request);
        await harness.DriveClockUntil(send);
        using var response = await send;

        response.IsSuccessStatusCode.ShouldBeTrue();
        _server.Requests.Select(entry => entry.RequestMessage!.Body).ShouldBe([Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(bytes)]);
    }

    [Theory]
    [InlineData("GET", 2)]
    [InlineData("HEAD", 2)]
    [InlineData("POST", 1)]
    [InlineData("PUT", 1)]
    public async Task Without_a_BatchOperation_only_GET_and_HEAD_are_retried_after_a_500(string method, int expectedRequests)
    {
        _server.Server.Sequence(() => Request.Create().WithPath("/other").UsingAnyMethod(), ServerError(500), Ok("{}"));
        using var harness = new RetryHarness(_server);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_server.BaseAddress, "/other"));

        var send = harness.HttpClient.SendAsync(request);
        await harness.DriveClockUntil(send);
        using var response = await send;

        _server.Requests.Length.ShouldBe(expectedRequests);
        ((int)response.StatusCode).ShouldBe(expectedRequests == 2 ? 200 : 500);
    }

    [Fact]
    public void Invalid_options_are_refused_when_the_retry_strategy_is_created()
    {
        var exception = Should.Throw<ArgumentException>(() => BatchResilience.CreateRetryStrategy(new BatchRetryOptions { RateLimitDelay = TimeSpan.FromSeconds(1) }));

        exception.Message.ShouldContain("RateLimitDelay must be at least 5 seconds");
    }

    /// <summary>Polls real time for something another task does, failing after a generous bound rather than hanging.</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                throw new TimeoutException("The expected event never happened.");
            await Task.Delay(5);
        }
    }

    /// <summary>A stream that can be read only once, like a request body streamed from a file or a socket.</summary>
    private sealed class ReadOnceStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
