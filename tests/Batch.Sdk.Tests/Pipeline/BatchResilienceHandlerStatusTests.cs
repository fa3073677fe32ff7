using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>How the pipeline answers each HTTP status Batch may send: 429, 503, 500/502/504, for reads, idempotent writes and creates.</summary>
public sealed class BatchResilienceHandlerStatusTests : IDisposable
{
    private const string AppPath = "/1.1/" + LoopbackServer.AppApiKey;
    private const string CreatePath = AppPath + "/campaigns/create";
    private const string ListPath = AppPath + "/campaigns/list";
    private const string UpdatePath = AppPath + "/campaigns/update/a0082dc6860938a26280bd3ba927303b";

    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Two_429s_then_200_succeed_after_waiting_at_least_5_seconds_each_time()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(ListPath).UsingGet(), TooManyRequests(), TooManyRequests(), Ok("[]"));
        using var harness = new RetryHarness(_server);

        var campaigns = await harness.RunAsync(batch => batch.PushCampaigns.ListAsync());

        campaigns.ShouldBeEmpty();
        var attempts = harness.Recorder.Attempts;
        attempts.Length.ShouldBe(3);
        (attempts[1].SentAt - attempts[0].AnsweredAt!.Value).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
        (attempts[2].SentAt - attempts[1].AnsweredAt!.Value).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
        _server.Requests.Length.ShouldBe(3);
    }

    [Fact]
    public async Task A_429_on_a_create_is_retried_because_Batch_refused_it()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(CreatePath).UsingPost(), TooManyRequests(), Created("created_token"));
        using var harness = new RetryHarness(_server);

        var created = await harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        created.CampaignToken.ShouldBe("created_token");
        _server.Requests.Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_503_then_201_on_a_create_succeeds_after_one_back_off()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(CreatePath).UsingPost(), Maintenance(), Created("created_token"));
        using var harness = new RetryHarness(_server, options => options.BaseDelay = TimeSpan.FromSeconds(2));

        var created = await harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        created.CampaignToken.ShouldBe("created_token");
        var attempts = harness.Recorder.Attempts;
        attempts.Length.ShouldBe(2);
        (attempts[1].SentAt - attempts[0].AnsweredAt!.Value).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_retried_create_sends_the_same_bytes_again()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(CreatePath).UsingPost(), Maintenance(), Created("created_token"));
        using var harness = new RetryHarness(_server);

        await harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        var bodies = _server.Requests.Select(entry => entry.RequestMessage!.Body).ToArray();
        bodies.Length.ShouldBe(2);
        bodies[0].ShouldNotBeNullOrEmpty();
        bodies[1].ShouldBe(bodies[0]);
    }

    [Fact]
    public async Task The_503_back_off_doubles_and_after_MaxRetries_the_503_is_returned()
    {
        _server.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).RespondWith(Maintenance());
        using var harness = new RetryHarness(_server, options => options.BaseDelay = TimeSpan.FromSeconds(1));

        var exception = await Should.ThrowAsync<BatchApiException>(() => harness.RunAsync(batch => batch.PushCampaigns.ListAsync()));

        exception.IsMaintenance.ShouldBeTrue();
        var attempts = harness.Recorder.Attempts;
        attempts.Length.ShouldBe(4);
        var waits = attempts.Skip(1).Select((attempt, i) => attempt.SentAt - attempts[i].AnsweredAt!.Value).ToArray();
        waits[0].ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        waits[1].ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        waits[2].ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4));
        harness.Logger.Retries.Select(entry => (TimeSpan)entry.Values["Delay"]!).ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);
    }

    [Fact]
    public async Task The_back_off_never_exceeds_MaxDelay()
    {
        _server.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).RespondWith(Maintenance());
        using var harness = new RetryHarness(_server, options =>
        {
            options.BaseDelay = TimeSpan.FromSeconds(4);
            options.MaxDelay = TimeSpan.FromSeconds(6);
        });

        await Should.ThrowAsync<BatchApiException>(() => harness.RunAsync(batch => batch.PushCampaigns.ListAsync()));

        harness.Logger.Retries.Select(entry => (TimeSpan)entry.Values["Delay"]!).ShouldBe([TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(6)]);
    }

    [Fact]
    public async Task MaxRetries_0_sends_once()
    {
        _server.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).RespondWith(TooManyRequests());
        using var harness = new RetryHarness(_server, options => options.MaxRetries = 0);

        var exception = await Should.ThrowAsync<BatchApiException>(() => harness.RunAsync(batch => batch.PushCampaigns.ListAsync()));

        exception.IsRateLimited.ShouldBeTrue();
        _server.Requests.Length.ShouldBe(1);
    }

    [Fact]
    public async Task No_wait_starts_that_would_end_after_the_total_timeout()
    {
        _server.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).RespondWith(Maintenance());
        using var harness = new RetryHarness(_server, options =>
        {
            options.BaseDelay = TimeSpan.FromSeconds(10);
            options.TotalTimeout = TimeSpan.FromSeconds(25);
        });

        // Attempt 1 at 0 s, wait 10 s, attempt 2 at about 10 s; the next wait (20 s) would end past 25 s.
        var exception = await Should.ThrowAsync<BatchApiException>(() => harness.RunAsync(batch => batch.PushCampaigns.ListAsync()));

        exception.StatusCode.ShouldBe(503);
        _server.Requests.Length.ShouldBe(2);
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_honoured_when_longer_than_5_seconds()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(ListPath).UsingGet(), TooManyRequests().WithHeader("Retry-After", "12"), Ok("[]"));
        using var harness = new RetryHarness(_server);

        await harness.RunAsync(batch => batch.PushCampaigns.ListAsync());

        var attempts = harness.Recorder.Attempts;
        (attempts[1].SentAt - attempts[0].AnsweredAt!.Value).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(12));
        harness.Logger.Retries.Single().Values["Delay"].ShouldBe(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task Retry_After_shorter_than_5_seconds_still_waits_5_seconds()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(ListPath).UsingGet(), TooManyRequests().WithHeader("Retry-After", "1"), Ok("[]"));
        using var harness = new RetryHarness(_server);

        await harness.RunAsync(batch => batch.PushCampaigns.ListAsync());

        harness.Logger.Retries.Single().Values["Delay"].ShouldBe(TimeSpan.FromSeconds(5));
        var attempts = harness.Recorder.Attempts;
        (attempts[1].SentAt - attempts[0].AnsweredAt!.Value).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_is_honoured()
    {
        using var harness = new RetryHarness(_server);
        var retryAt = harness.Clock.GetUtcNow().AddSeconds(20);
        _server.Server.Sequence(
            () => Request.Create().WithPath(ListPath).UsingGet(),
            TooManyRequests().WithHeader("Retry-After", retryAt.ToString("r", CultureInfo.InvariantCulture)),
            Ok("[]"));

        await harness.RunAsync(batch => batch.PushCampaigns.ListAsync());

        harness.Recorder.Attempts[1].SentAt.ShouldBeGreaterThanOrEqualTo(retryAt);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxDelay_returns_the_429_at_once()
    {
        _server.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).RespondWith(TooManyRequests().WithHeader("Retry-After", "3600"));
        using var harness = new RetryHarness(_server);

        var exception = await Should.ThrowAsync<BatchApiException>(() => harness.RunAsync(batch => batch.PushCampaigns.ListAsync()));

        exception.IsRateLimited.ShouldBeTrue();
        exception.RetryAfter.ShouldBe(TimeSpan.FromHours(1));
        _server.Requests.Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_500_on_a_read_is_retried()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(ListPath).UsingGet(), ServerError(500), Ok("[]"));
        using var harness = new RetryHarness(_server);

        var campaigns = await harness.RunAsync(batch => batch.PushCampaigns.ListAsync());

        campaigns.ShouldBeEmpty();
        _server.Requests.Length.ShouldBe(2);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_server_error_on_an_update_the_spec_marks_idempotent_is_retried(int status)
    {
        _server.Server.Sequence(() => Request.Create().WithPath(UpdatePath).UsingPost(), ServerError(status), Ok("{}"));
        using var harness = new RetryHarness(_server);

        await harness.RunAsync(batch => batch.PushCampaigns.UpdateAsync("a0082dc6860938a26280bd3ba927303b", new PushCampaignUpdateRequest { Name = "Renamed" }));

        _server.Requests.Length.ShouldBe(2);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_server_error_on_a_create_is_not_retried_and_its_outcome_is_unknown(int status)
    {
        _server.Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(ServerError(status));
        using var harness = new RetryHarness(_server);

        var exception = await Should.ThrowAsync<BatchOutcomeUnknownException>(() =>
            harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign())));

        _server.Requests.Length.ShouldBe(1);
        exception.StatusCode.ShouldBe(status);
        exception.OperationId.ShouldBe("pushCampaigns_create");
        exception.Attempts.ShouldBe(1);
        exception.InnerException.ShouldBeOfType<BatchApiException>().Error.ShouldBe(BatchError.ServerError);
        exception.Message.ShouldContain("outcome is unknown");
        exception.Message.ShouldContain("did not send it again");
        exception.Message.ShouldNotContain(LoopbackServer.AppApiKey);
    }

    [Fact]
    public async Task A_500_on_a_create_after_a_429_counts_both_attempts()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(CreatePath).UsingPost(), TooManyRequests(), ServerError(500));
        using var harness = new RetryHarness(_server);

        var exception = await Should.ThrowAsync<BatchOutcomeUnknownException>(() =>
            harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign())));

        exception.Attempts.ShouldBe(2);
        _server.Requests.Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_400_is_never_retried()
    {
        _server.Server.Given(Request.Create().WithPath(ListPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"code":31,"type":"MALFORMED_PARAMETER","message":"Bad limit."}"""));
        using var harness = new RetryHarness(_server);

        var exception = await Should.ThrowAsync<BatchApiException>(() => harness.RunAsync(batch => batch.PushCampaigns.ListAsync()));

        exception.Error.ShouldBe(BatchError.MalformedParameter);
        _server.Requests.Length.ShouldBe(1);
    }

    internal static IResponseBuilder TooManyRequests() =>
        Response.Create().WithStatusCode(429).WithBody("""{"code":60,"type":"TOO_MANY_REQUESTS","message":"Slow down."}""");

    internal static IResponseBuilder Maintenance() =>
        Response.Create().WithStatusCode(503).WithBody("""{"code":2,"type":"MAINTENANCE_ERROR","message":"Back soon."}""");

    internal static IResponseBuilder ServerError(int status) =>
        Response.Create().WithStatusCode(status).WithBody("""{"code":1,"type":"SERVER_ERROR","message":"Oops."}""");

    internal static IResponseBuilder Ok(string body) => Response.Create().WithStatusCode(200).WithBody(body);

    internal static IResponseBuilder Created(string token) =>
        Response.Create().WithStatusCode(201).WithBody($$"""{"campaign_token":"{{token}}"}""");
}
