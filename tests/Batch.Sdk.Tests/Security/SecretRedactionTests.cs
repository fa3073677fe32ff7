using System;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Batch.Sdk.Tests.Security;

public sealed class SecretRedactionTests : IDisposable
{
    private const string OtherAppKey = "ANDROID_LIVE_KEY_93ab";
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task An_error_that_echoes_every_key_shows_none_of_them()
    {
        var echo = $$"""{"code":20,"type":"ROUTE_NOT_FOUND","message":"No route /1.1/{{OtherAppKey}}/campaigns for key {{LoopbackServer.RestApiKey}} in project {{LoopbackServer.ProjectKey}}"}""";
        _server.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(404).WithBody(echo));
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.ForApp(OtherAppKey).PushCampaigns.GetAsync("token"));

        AssertNoSecret(exception.Message);
        AssertNoSecret(exception.ToString());
        AssertNoSecret(exception.Response!);
        AssertNoSecret(exception.ServerMessage!);
        exception.Message.ShouldContain("GET /1.1/***/campaigns/token");
        exception.ServerMessage.ShouldBe("No route /1.1/***/campaigns for key *** in project ***");
    }

    [Fact]
    public async Task A_2x_error_shows_neither_the_REST_key_nor_the_project_key()
    {
        var echo = $$"""{"error_code":"10","error_message":"Bearer {{LoopbackServer.RestApiKey}} is not valid for {{LoopbackServer.ProjectKey}}"}""";
        _server.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(401).WithBody(echo));
        using var batch = _server.CreateClient();

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.Orchestrations.ListAsync());

        AssertNoSecret(exception.ToString());
        exception.IsAuthenticationError.ShouldBeTrue();
    }

    [Fact]
    public async Task Response_headers_that_echo_a_key_are_redacted_on_the_exception()
    {
        var echo = $"X-Echo-Key: {LoopbackServer.RestApiKey}\r\nX-Echo-Path: /1.1/{OtherAppKey}/campaigns\r\nX-Echo-Project: {LoopbackServer.ProjectKey}\r\n";
        using var server = new Pipeline.FaultyServer(Pipeline.FaultyServer.AnswerWithHeaders(400, """{"code":31,"type":"MALFORMED_PARAMETER","message":"no"}""", echo));
        using var batch = new BatchClient(LoopbackServer.OptionsFor(server.BaseAddress));

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.ForApp(OtherAppKey).PushCampaigns.GetAsync("token"));

        foreach (var header in exception.Headers)
            AssertNoSecret(string.Join(",", header.Value));
        exception.Headers["X-Echo-Key"].ShouldBe(["***"]);
        exception.Headers["X-Echo-Path"].ShouldBe(["/1.1/***/campaigns"]);
    }

    [Fact]
    public void Options_describe_themselves_without_their_keys()
    {
        var options = _server.Options();

        var text = options.ToString();

        AssertNoSecret(text);
        text.ShouldContain("RestApiKey = ***");
        new BatchClientOptions().ToString().ShouldContain("RestApiKey = (not set)");
    }

    [Fact]
    public void Invalid_options_name_the_setting_without_its_value()
    {
        var options = _server.Options();
        options.Retry.RateLimitDelay = TimeSpan.FromSeconds(1);

        var error = Should.Throw<ArgumentException>(() => new BatchClient(options));

        error.Message.ShouldContain("BatchClientOptions.Retry.RateLimitDelay");
        AssertNoSecret(error.ToString());
    }

    private static void AssertNoSecret(string text)
    {
        text.ShouldNotContain(LoopbackServer.RestApiKey);
        text.ShouldNotContain(LoopbackServer.ProjectKey);
        text.ShouldNotContain(LoopbackServer.AppApiKey);
        text.ShouldNotContain(OtherAppKey);
    }
}
