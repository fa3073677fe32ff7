using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Testing.Tests;

public sealed class BatchFakeFaultsTests : IDisposable
{
    private readonly FakeScope _scope = new();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task RateLimitNext_refuses_the_next_calls_with_429_and_Retry_After_then_recovers()
    {
        _scope.Fake.Faults.RateLimitNext(2, TimeSpan.FromSeconds(7));

        var first = await Should.ThrowAsync<BatchApiException>(() => _scope.Batch.Orchestrations.ListAsync());
        var second = await Should.ThrowAsync<BatchApiException>(() => _scope.Batch.PushCampaigns.ListAsync());
        var third = await _scope.Batch.Orchestrations.ListAsync();

        first.StatusCode.ShouldBe(429);
        first.Error.ShouldBe(BatchError.TooManyRequests);
        first.ErrorCode.ShouldBe(60);
        first.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        second.IsRateLimited.ShouldBeTrue();
        third.Orchestrations.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Retry_After_is_rounded_up_to_whole_seconds()
    {
        _scope.Fake.Faults.RateLimitNext(1, TimeSpan.FromMilliseconds(5200));

        var exception = await Should.ThrowAsync<BatchApiException>(() => _scope.Batch.Orchestrations.ListAsync());

        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Maintenance_answers_MAINTENANCE_ERROR_503_2_until_its_scope_ends()
    {
        BatchApiException exception;
        using (_scope.Fake.Faults.Maintenance())
        {
            exception = await Should.ThrowAsync<BatchApiException>(() => _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));
        }

        exception.StatusCode.ShouldBe(503);
        exception.Error.ShouldBe(BatchError.MaintenanceError);
        exception.ErrorCode.ShouldBe(2);
        exception.IsMaintenance.ShouldBeTrue();
        (await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign())).CampaignToken.ShouldNotBeNullOrEmpty();
        _scope.Fake.State.PushCampaigns(_scope.Fake.IosAppApiKey).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Maintenance_uses_the_2x_error_shape_on_2x_routes()
    {
        _scope.Fake.Faults.Maintenance(true);

        var exception = await Should.ThrowAsync<BatchApiException>(() => _scope.Batch.Orchestrations.ListAsync());

        exception.Response.ShouldBe("""{"error_code":"2","error_message":"Batch's services are under maintenance. Please try again later."}""");
    }

    [Fact]
    public async Task DropNextConnections_closes_the_connection_without_an_answer()
    {
        _scope.Fake.Faults.DropNextConnections(1);

        await Should.ThrowAsync<BatchOutcomeUnknownException>(() => _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));
        var created = await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign());

        created.CampaignToken.ShouldNotBeNullOrEmpty();
        _scope.Fake.Requests.Select(request => request.StatusCode).ShouldBe([null, 201]);
    }

    [Fact]
    public async Task Latency_delays_answers_so_that_callers_can_time_out()
    {
        using var latency = _scope.Fake.Faults.Latency(TimeSpan.FromSeconds(30));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => _scope.Batch.Orchestrations.ListAsync(cancellationToken: timeout.Token));
    }

    [Fact]
    public async Task Reset_removes_every_fault()
    {
        _scope.Fake.Faults.RateLimitNext(5, TimeSpan.FromSeconds(5));
        _scope.Fake.Faults.Maintenance(true);
        _scope.Fake.Faults.DropNextConnections(5);

        _scope.Fake.Faults.Reset();

        (await _scope.Batch.Orchestrations.ListAsync()).Orchestrations.ShouldNotBeEmpty();
    }
}
