using System;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Batch.Sdk.Tests.Errors;

public sealed class BatchApiExceptionTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData(401, 10, "AUTHENTICATION_INVALID", BatchError.AuthenticationInvalid)]
    [InlineData(403, 12, "API_MISUSE", BatchError.ApiMisuse)]
    [InlineData(404, 20, "ROUTE_NOT_FOUND", BatchError.RouteNotFound)]
    [InlineData(400, 30, "MISSING_PARAMETER", BatchError.MissingParameter)]
    [InlineData(400, 31, "MALFORMED_PARAMETER", BatchError.MalformedParameter)]
    [InlineData(400, 32, "MALFORMED_JSON_BODY", BatchError.MalformedJsonBody)]
    [InlineData(500, 1, "SERVER_ERROR", BatchError.ServerError)]
    [InlineData(500, 0, "SERVER_ERROR", BatchError.ServerError)]
    [InlineData(503, 2, "MAINTENANCE_ERROR", BatchError.MaintenanceError)]
    [InlineData(429, 60, "TOO_MANY_REQUESTS", BatchError.TooManyRequests)]
    public async Task A_documented_1x_error_becomes_a_typed_exception_with_its_status_name_and_code(int status, int code, string name, BatchError error)
    {
        Respond(status, $$"""{"code":{{code}},"type":"{{name}}","message":"Something went wrong."}""");
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() =>
            batch.PushCampaigns.UpdateAsync("a0082dc6860938a26280bd3ba927303b", new PushCampaignUpdateRequest { Name = "Updated Test Campaign Name", Live = true }));

        exception.StatusCode.ShouldBe(status);
        exception.Error.ShouldBe(error);
        exception.ErrorName.ShouldBe(name);
        exception.ErrorCode.ShouldBe(code);
        exception.ServerMessage.ShouldBe("Something went wrong.");
        exception.Message.ShouldContain($"{name} (HTTP {status}, Batch code {code}): Something went wrong.");
    }

    [Theory]
    [InlineData(401, "10", BatchError.AuthenticationInvalid, 10)]
    [InlineData(403, "12", BatchError.ApiMisuse, 12)]
    [InlineData(404, "20", BatchError.RouteNotFound, 20)]
    [InlineData(400, "30", BatchError.MissingParameter, 30)]
    [InlineData(400, "31", BatchError.MalformedParameter, 31)]
    [InlineData(400, "32", BatchError.MalformedJsonBody, 32)]
    [InlineData(500, "1", BatchError.ServerError, 1)]
    [InlineData(500, "0", BatchError.ServerError, 0)]
    [InlineData(503, "2", BatchError.MaintenanceError, 2)]
    [InlineData(429, "60", BatchError.TooManyRequests, 60)]
    [InlineData(400, "MALFORMED_PARAMETER", BatchError.MalformedParameter, 31)]
    [InlineData(429, "TOO_MANY_REQUESTS", BatchError.TooManyRequests, 60)]
    public async Task A_2x_error_code_given_as_a_number_or_a_name_maps_to_the_error(int status, string errorCode, BatchError error, int code)
    {
        Respond(status, $$"""{"error_code":"{{errorCode}}","error_message":"Nope."}""");
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() =>
            batch.Campaigns.UpdateAsync(new CampaignUpdateRequest { Id = "orchestration_1", Campaign = Samples.EmailCampaign() }));

        exception.StatusCode.ShouldBe(status);
        exception.Error.ShouldBe(error);
        exception.ErrorCode.ShouldBe(code);
        exception.ServerMessage.ShouldBe("Nope.");
    }

    [Fact]
    public async Task A_SERVER_ERROR_given_only_by_name_has_no_code_because_the_documentation_gives_two()
    {
        Respond(500, """{"error_code":"SERVER_ERROR","error_message":"Unexpected error."}""");
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.Orchestrations.ListAsync());

        exception.Error.ShouldBe(BatchError.ServerError);
        exception.ErrorCode.ShouldBeNull();
    }

    [Fact]
    public async Task An_HTML_error_page_becomes_a_typed_exception_that_keeps_the_raw_body()
    {
        const string page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        _server.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody(page));
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.GetStatsAsync("a0082dc6860938a26280bd3ba927303b"));

        exception.StatusCode.ShouldBe(502);
        exception.Error.ShouldBe(BatchError.Unknown);
        exception.ErrorCode.ShouldBeNull();
        exception.Response.ShouldBe(page);
        exception.Message.ShouldContain("GET /1.1/***/campaigns/stats/a0082dc6860938a26280bd3ba927303b failed with HTTP 502");
    }

    [Fact]
    public async Task An_empty_503_is_recognised_as_maintenance_from_its_status()
    {
        Respond(503, string.Empty);
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.InAppCampaigns.GetAsync("70448bafec76439d534ec98ea7ab712c"));

        exception.Error.ShouldBe(BatchError.MaintenanceError);
        exception.ErrorCode.ShouldBe(2);
        exception.IsMaintenance.ShouldBeTrue();
        exception.Response.ShouldBe(string.Empty);
    }

    [Fact]
    public async Task An_error_name_this_SDK_does_not_know_is_kept()
    {
        Respond(400, """{"code":99,"type":"QUOTA_EXCEEDED","message":"Monthly quota exceeded."}""");
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        exception.Error.ShouldBe(BatchError.Unknown);
        exception.ErrorName.ShouldBe("QUOTA_EXCEEDED");
        exception.ErrorCode.ShouldBe(99);
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_exposed_on_a_rate_limit()
    {
        _server.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(429)
            .WithHeader("Retry-After", "12").WithBody("""{"code":60,"type":"TOO_MANY_REQUESTS"}"""));
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.ListAsync());

        exception.IsRateLimited.ShouldBeTrue();
        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_is_exposed_as_the_wait_until_then()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(2);
        _server.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(429)
            .WithHeader("Retry-After", at.ToString("r")).WithBody("""{"error_code":"60","error_message":"Slow down."}"""));
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.Orchestrations.ListAsync());

        exception.RetryAfter!.Value.TotalSeconds.ShouldBeInRange(100, 121);
    }

    [Theory]
    [InlineData(401, nameof(BatchApiException.IsAuthenticationError))]
    [InlineData(404, nameof(BatchApiException.IsNotFound))]
    [InlineData(429, nameof(BatchApiException.IsRateLimited))]
    [InlineData(503, nameof(BatchApiException.IsMaintenance))]
    public async Task Exactly_one_convenience_check_matches_each_status(int status, string check)
    {
        Respond(status, "{}");
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.ListAsync());

        var checks = new[] { nameof(exception.IsAuthenticationError), nameof(exception.IsNotFound), nameof(exception.IsRateLimited), nameof(exception.IsMaintenance) };
        checks.Where(name => (bool)typeof(BatchApiException).GetProperty(name)!.GetValue(exception)!).ShouldBe([check]);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"campaign_token": "a0082dc6860938""")]
    [InlineData("<html>Created</html>")]
    public async Task A_success_body_that_is_not_JSON_becomes_a_typed_exception_not_a_parser_exception(string body)
    {
        _server.Server.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBody(body));
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        exception.StatusCode.ShouldBe(201);
        exception.InnerException.ShouldBeAssignableTo<JsonException>();
        exception.Message.ShouldContain("PushCampaignCreated");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"campaign_token": null}""")]
    public async Task A_success_body_without_the_documented_fields_becomes_a_typed_exception(string body)
    {
        _server.Server.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBody(body));
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        exception.StatusCode.ShouldBe(201);
    }

    private void Respond(int status, string body) =>
        _server.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(LoopbackServer.Json(status, body));
}
