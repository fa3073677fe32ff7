using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Batch.Sdk.Tests.Clients;

/// <summary>
/// The response stages every generated operation calls: a status the operation documents as an error and one it does
/// not take the same path to the same typed exception; a success body is read within the response cap even on a
/// caller's own HttpClient; an unreadable body never carries a key.
/// </summary>
public sealed class BatchClientBaseTests : IDisposable
{
    private const string CreatePath = "/1.1/" + LoopbackServer.AppApiKey + "/campaigns/create";

    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData(400)] // documented for push create
    [InlineData(418)] // documented nowhere
    [InlineData(202)] // a success status the operation does not document
    public async Task Any_status_the_operation_does_not_document_as_its_result_becomes_the_same_typed_exception(int status)
    {
        _server.Server.Given(Request.Create().WithPath(CreatePath).UsingPost())
            .RespondWith(LoopbackServer.Json(status, """{"code":31,"type":"MALFORMED_PARAMETER","message":"Bad value."}"""));
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        error.GetType().ShouldBe(typeof(BatchApiException));
        error.StatusCode.ShouldBe(status);
        error.Error.ShouldBe(BatchError.MalformedParameter);
        error.ServerMessage.ShouldBe("Bad value.");
        error.Message.ShouldBe($"POST /1.1/***/campaigns/create failed with HTTP {status}. MALFORMED_PARAMETER (HTTP {status}, Batch code 31): Bad value.");
    }

    [Fact]
    public async Task A_success_body_over_the_cap_is_refused_on_a_callers_own_HttpClient_too()
    {
        var huge = "[" + string.Join(",", Enumerable.Repeat("\"0123456789abcdef\"", 200_000)) + "]";
        _server.Server.Given(Request.Create().UsingGet()).RespondWith(LoopbackServer.Json(200, huge));
        var options = _server.Options();
        options.MaxResponseBytes = 64 * 1024;
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        using var batch = new BatchClient(options, http);

        var error = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.ListAsync());

        error.StatusCode.ShouldBe(200);
        error.Message.ShouldContain("too large");
        error.Response.ShouldBeNull();
    }

    [Fact]
    public async Task A_body_that_cannot_be_read_names_the_problem_without_the_keys_a_server_echoed()
    {
        _server.Server.Given(Request.Create().UsingGet()).RespondWith(LoopbackServer.Json(200,
            $$"""{"campaign_token":"t","detail":[{"date":"{{LoopbackServer.RestApiKey}}","sent":754}]}"""));
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.GetStatsAsync("t"));

        error.StatusCode.ShouldBe(200);
        error.Message.ShouldContain("detail[0].date");
        error.ToString().ShouldNotContain(LoopbackServer.RestApiKey);
        error.InnerException.ShouldBeNull();
    }

    [Fact]
    public async Task A_success_with_the_JSON_literal_null_is_an_error_not_a_null_result()
    {
        _server.Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(LoopbackServer.Json(201, "null"));
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        error.StatusCode.ShouldBe(201);
        error.Message.ShouldBe("POST /1.1/***/campaigns/create answered HTTP 201, but its body is empty or null. (HTTP 201)");
    }
}
