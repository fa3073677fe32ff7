using System;
using System.Threading;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Batch.Sdk.Tests.Clients;

public sealed class CancellationTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_call_with_an_already_cancelled_token_sends_nothing()
    {
        using var batch = _server.CreateClient();

        await Should.ThrowAsync<OperationCanceledException>(() => batch.PushCampaigns.ListAsync(cancellationToken: new CancellationToken(canceled: true)));

        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_while_Batch_is_answering_stops_the_call()
    {
        _server.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("[]").WithDelay(TimeSpan.FromSeconds(10)));
        using var batch = _server.CreateClient();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // Without cancellation the call would succeed once the delayed answer arrives.
        await Should.ThrowAsync<OperationCanceledException>(() => batch.InAppCampaigns.ListAsync(cancellationToken: cancellation.Token));
    }
}
