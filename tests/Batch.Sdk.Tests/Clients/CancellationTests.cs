using System;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Tests.Pipeline;

namespace Batch.Sdk.Tests.Clients;

/// <summary>
/// Runs against a raw loopback server that reads each request and never answers, so a call can only end by
/// cancellation, and disposing the server ends at once (a delayed WireMock answer held its Stop for 10 s).
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly FaultyServer _server;

    public CancellationTests()
    {
        _server = new FaultyServer((_, _, stop) =>
        {
            _received.TrySetResult();
            return Task.Delay(Timeout.Infinite, stop);
        });
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_call_with_an_already_cancelled_token_sends_nothing()
    {
        using var batch = CreateClient();

        await Should.ThrowAsync<OperationCanceledException>(() => batch.PushCampaigns.ListAsync(cancellationToken: new CancellationToken(canceled: true)));

        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_while_Batch_is_answering_stops_the_call()
    {
        using var batch = CreateClient();
        using var cancellation = new CancellationTokenSource();

        // The server never answers: without cancellation the call would wait for it.
        var call = batch.InAppCampaigns.ListAsync(cancellationToken: cancellation.Token);
        await _received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        // A call that ignored the token would hang: the bound turns that into a TimeoutException, not a cancellation.
        await Should.ThrowAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        _server.Requests.ShouldHaveSingleItem().ShouldStartWith("GET /1.1/");
    }

    private BatchClient CreateClient() => new(new BatchClientOptions
    {
        RestApiKey = LoopbackServer.RestApiKey,
        ProjectKey = LoopbackServer.ProjectKey,
        AppApiKey = LoopbackServer.AppApiKey,
        BaseAddress = _server.BaseAddress,
        Retry = new BatchRetryOptions { Enabled = false },
    });
}
