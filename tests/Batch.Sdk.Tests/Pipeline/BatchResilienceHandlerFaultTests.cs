using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Newtonsoft.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Batch.Sdk.Tests.Pipeline.BatchResilienceHandlerStatusTests;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>Transport faults: refused connections, answers cut short or never sent, answers too slow, and broken JSON.</summary>
public sealed class BatchResilienceHandlerFaultTests : IDisposable
{
    private const string AppPath = "/1.1/" + LoopbackServer.AppApiKey;
    private const string CreatePath = AppPath + "/campaigns/create";

    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_refused_connection_is_retried_even_for_a_create_because_nothing_was_sent()
    {
        using var harness = new RetryHarness(_server, options => options.MaxRetries = 2, baseAddress: ClosedPort());

        var exception = await Should.ThrowAsync<BatchTransportException>(() =>
            harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign())));

        harness.Recorder.Attempts.Length.ShouldBe(3);
        exception.InnerException.ShouldBeOfType<HttpRequestException>();
        exception.Attempts.ShouldBe(3);
        exception.IsTimeout.ShouldBeFalse();
        harness.Logger.Retries.ShouldAllBe(entry => (string)entry.Values["Status"]! == "connection failure");
    }

    public static TheoryData<string> LostAnswers => ["reset", "closed without answer", "truncated body"];

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task A_read_whose_answer_is_lost_is_retried(string fault)
    {
        using var server = new FaultyServer(Lose(fault, "[]"), FaultyServer.Answer(200, "[]"));
        using var harness = new RetryHarness(_server, baseAddress: server.BaseAddress);

        var campaigns = await harness.RunAsync(batch => batch.PushCampaigns.ListAsync());

        // A connection closed before any answer may already be retried by SocketsHttpHandler itself (for a GET), so
        // the pipeline does not always see this one; either way the read recovers.
        campaigns.ShouldBeEmpty();
        server.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task A_create_whose_answer_is_lost_is_not_resent_and_its_outcome_is_unknown(string fault)
    {
        using var server = new FaultyServer(Lose(fault, """{"campaign_token":"created_token"}"""), FaultyServer.Answer(201, """{"campaign_token":"again"}"""));
        using var harness = new RetryHarness(_server, baseAddress: server.BaseAddress);

        var exception = await Should.ThrowAsync<BatchOutcomeUnknownException>(() =>
            harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign())));

        server.Requests.ShouldBe([$"POST /1.1/{LoopbackServer.AppApiKey}/campaigns/create"]);
        exception.StatusCode.ShouldBeNull();
        exception.OperationId.ShouldBe("pushCampaigns_create");
        exception.Path.ShouldBe("/1.1/***/campaigns/create");
        exception.Message.ShouldContain("connection was lost");
        exception.Message.ShouldNotContain(LoopbackServer.AppApiKey);
    }

    [Fact]
    public async Task A_read_answered_after_the_attempt_timeout_is_retried()
    {
        using var server = new FaultyServer(FaultyServer.NoAnswer(), FaultyServer.Answer(200, "[]"));
        using var harness = new RetryHarness(_server, options => options.AttemptTimeout = TimeSpan.FromSeconds(5), server.BaseAddress);

        var campaigns = await harness.RunAsync(batch => batch.PushCampaigns.ListAsync());

        campaigns.ShouldBeEmpty();
        server.Requests.Count.ShouldBe(2);
        harness.Logger.Retries.ShouldHaveSingleItem().Values["Status"].ShouldBe("timeout");
    }

    [Fact]
    public async Task A_create_answered_after_the_attempt_timeout_is_not_resent_and_its_outcome_is_unknown()
    {
        using var server = new FaultyServer(FaultyServer.NoAnswer(), FaultyServer.Answer(201, """{"campaign_token":"again"}"""));
        using var harness = new RetryHarness(_server, options => options.AttemptTimeout = TimeSpan.FromSeconds(5), server.BaseAddress);

        var exception = await Should.ThrowAsync<BatchOutcomeUnknownException>(() =>
            harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign())));

        server.Requests.Count.ShouldBe(1);
        exception.InnerException.ShouldBeOfType<TimeoutException>();
        exception.Message.ShouldContain("no complete response came back in time");
    }

    [Fact]
    public async Task A_read_that_keeps_timing_out_fails_with_a_BatchTransportException_after_its_retries()
    {
        using var server = new FaultyServer(FaultyServer.NoAnswer());
        using var harness = new RetryHarness(_server, options =>
        {
            options.MaxRetries = 1;
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
        }, server.BaseAddress);

        var exception = await Should.ThrowAsync<BatchTransportException>(() => harness.RunAsync(batch => batch.PushCampaigns.ListAsync()));

        exception.IsTimeout.ShouldBeTrue();
        exception.InnerException.ShouldBeOfType<TimeoutException>();
        exception.Attempts.ShouldBe(2);
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_total_timeout_also_limits_an_attempt()
    {
        using var server = new FaultyServer(FaultyServer.NoAnswer());
        using var harness = new RetryHarness(_server, options =>
        {
            options.AttemptTimeout = TimeSpan.FromMinutes(1);
            options.TotalTimeout = TimeSpan.FromSeconds(5);
        }, server.BaseAddress);
        var start = harness.Clock.GetUtcNow();

        (await Should.ThrowAsync<BatchTransportException>(() => harness.RunAsync(batch => batch.PushCampaigns.ListAsync()))).IsTimeout.ShouldBeTrue();

        (harness.Clock.GetUtcNow() - start).ShouldBeLessThan(TimeSpan.FromMinutes(1));
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task With_retries_off_a_read_whose_server_stalls_after_the_headers_ends_at_the_total_timeout()
    {
        using var server = new FaultyServer(FaultyServer.StallAfterHeaders(200));
        using var harness = new RetryHarness(_server, StallOptions, server.BaseAddress);
        var start = harness.Clock.GetUtcNow();

        var exception = await Should.ThrowAsync<BatchTransportException>(() => harness.RunAsync(batch => batch.PushCampaigns.ListAsync()));

        exception.IsTimeout.ShouldBeTrue();
        (harness.Clock.GetUtcNow() - start).ShouldBeLessThan(TimeSpan.FromSeconds(6));
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task With_retries_off_a_create_whose_server_stalls_after_the_headers_ends_at_the_total_timeout_as_an_unknown_outcome()
    {
        using var server = new FaultyServer(FaultyServer.StallAfterHeaders(201));
        using var harness = new RetryHarness(_server, StallOptions, server.BaseAddress);
        var start = harness.Clock.GetUtcNow();

        var exception = await Should.ThrowAsync<BatchOutcomeUnknownException>(() => harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign())));

        exception.InnerException.ShouldBeOfType<TimeoutException>();
        (harness.Clock.GetUtcNow() - start).ShouldBeLessThan(TimeSpan.FromSeconds(6));
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_garbage_status_line_fails_a_read_with_a_BatchTransportException_after_its_retries()
    {
        using var server = new FaultyServer(FaultyServer.Raw("SSH-2.0-OpenSSH_9.6\r\n\r\n"));
        using var harness = new RetryHarness(_server, options => options.MaxRetries = 2, server.BaseAddress);

        var exception = await Should.ThrowAsync<BatchTransportException>(() => harness.RunAsync(batch => batch.PushCampaigns.ListAsync()));

        exception.Attempts.ShouldBe(3);
        exception.InnerException.ShouldBeAssignableTo<HttpRequestException>();
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_garbage_status_line_after_a_create_is_an_unknown_outcome_and_is_not_resent()
    {
        using var server = new FaultyServer(FaultyServer.Raw("HTTP/1.1 abc\r\n\r\n"));
        using var harness = new RetryHarness(_server, baseAddress: server.BaseAddress);

        await Should.ThrowAsync<BatchOutcomeUnknownException>(() => harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign())));

        server.Requests.Count.ShouldBe(1);
    }

    private static void StallOptions(BatchRetryOptions options)
    {
        options.Enabled = false;
        options.AttemptTimeout = TimeSpan.FromSeconds(30);
        options.TotalTimeout = TimeSpan.FromSeconds(5);
    }

    [Theory]
    [InlineData(FaultType.EMPTY_RESPONSE)]
    [InlineData(FaultType.MALFORMED_RESPONSE_CHUNK)]
    public async Task A_success_with_an_empty_or_garbled_body_becomes_a_BatchApiException(FaultType fault)
    {
        _server.Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(Created("created_token").WithFault(fault));
        using var harness = new RetryHarness(_server);

        var exception = await Should.ThrowAsync<BatchApiException>(() =>
            harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign())));

        exception.StatusCode.ShouldBe(201);
        _server.Requests.Length.ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"campaign_token": "abc" """)]
    [InlineData("""{"campaign_token": """)]
    [InlineData("""<html>Bad gateway</html>""")]
    public async Task A_success_with_malformed_or_truncated_json_becomes_a_BatchApiException(string body)
    {
        _server.Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBody(body));
        using var harness = new RetryHarness(_server);

        var exception = await Should.ThrowAsync<BatchApiException>(() =>
            harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign())));

        exception.StatusCode.ShouldBe(201);
        exception.InnerException.ShouldBeAssignableTo<JsonException>();
        _server.Requests.Length.ShouldBe(1);
    }

    private static FaultyServer.Behaviour Lose(string fault, string body) => fault switch
    {
        "reset" => FaultyServer.Reset(),
        "closed without answer" => FaultyServer.CloseWithoutAnswer(),
        _ => FaultyServer.TruncatedBody(200, body),
    };

    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    }
}
