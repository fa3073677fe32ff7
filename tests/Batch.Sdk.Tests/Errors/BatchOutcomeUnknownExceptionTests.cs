using System;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using static Batch.Sdk.Tests.Pipeline.BatchResilienceHandlerStatusTests;

namespace Batch.Sdk.Tests.Errors;

/// <summary>
/// A 500, 502 or 504 on an operation that is not safe to repeat surfaces as <see cref="BatchOutcomeUnknownException"/>
/// whatever the pipeline, so that callers handle it the same way with or without the SDK's pipeline.
/// </summary>
public sealed class BatchOutcomeUnknownExceptionTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_500_on_a_create_is_an_unknown_outcome_even_without_the_retry_handler()
    {
        _server.Server.Given(Request.Create().UsingPost()).RespondWith(ServerError(500));
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchOutcomeUnknownException>(() => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        exception.StatusCode.ShouldBe(500);
        exception.Attempts.ShouldBe(1);
        exception.InnerException.ShouldBeOfType<BatchApiException>().ServerMessage.ShouldBe("Oops.");
        exception.Message.ShouldStartWith("POST /1.1/***/campaigns/create (pushCampaigns_create): the outcome is unknown");
        exception.ToString().ShouldNotContain(LoopbackServer.AppApiKey);
    }

    [Fact]
    public async Task A_504_on_a_transactional_send_is_an_unknown_outcome()
    {
        _server.Server.Given(Request.Create().UsingPost()).RespondWith(ServerError(504));
        using var batch = _server.CreateClient();

        var request = new TransactionalSendRequest
        {
            GroupId = "order_shipped",
            Recipients = new TransactionalRecipients { CustomIds = ["user-1"] },
            Message = new TransactionalMessage { Body = "Shipped" },
        };

        var exception = await Should.ThrowAsync<BatchOutcomeUnknownException>(() => batch.Transactional.SendAsync(request));

        exception.OperationId.ShouldBe("transactional_send");
        exception.StatusCode.ShouldBe(504);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(400)]
    public async Task A_refusal_or_client_error_on_a_create_stays_a_BatchApiException(int status)
    {
        _server.Server.Given(Request.Create().UsingPost()).RespondWith(ServerError(status));
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        exception.StatusCode.ShouldBe(status);
    }

    [Fact]
    public async Task A_500_on_a_read_stays_a_BatchApiException()
    {
        _server.Server.Given(Request.Create().UsingGet()).RespondWith(ServerError(500));
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.ListAsync());

        exception.StatusCode.ShouldBe(500);
    }
}
