using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Batch.Sdk.Tests.Authentication;

public sealed class BatchAuthenticationTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task App_api_call_sends_the_REST_key_in_X_Authorization_and_the_app_key_in_the_path()
    {
        _server.Server.Given(Request.Create().UsingPost().WithPath($"/1.1/{LoopbackServer.AppApiKey}/campaigns/create"))
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"campaign_token":"a0082dc6860938a26280bd3ba927303b"}"""));
        using var batch = _server.CreateClient();

        var created = await batch.PushCampaigns.CreateAsync(Samples.PushCampaign());

        created.CampaignToken.ShouldBe("a0082dc6860938a26280bd3ba927303b");
        var request = _server.Requests.Single().RequestMessage!;
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe($"/1.1/{LoopbackServer.AppApiKey}/campaigns/create");
        request.Headers!["X-Authorization"].ShouldBe([LoopbackServer.RestApiKey]);
        request.Headers.Keys.ShouldNotContain("Authorization");
        request.Headers.Keys.ShouldNotContain("X-Batch-Project");
        request.Headers["Content-Type"].Single().ShouldStartWith("application/json");
    }

    [Fact]
    public async Task Project_api_call_sends_a_bearer_REST_key_and_the_project_key()
    {
        _server.Server.Given(Request.Create().UsingPost().WithPath("/2.8/campaigns/update"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
        using var batch = _server.CreateClient();

        await batch.Campaigns.UpdateAsync(new CampaignUpdateRequest { Id = "orchestration_1", Campaign = Samples.EmailCampaign() });

        var request = _server.Requests.Single().RequestMessage!;
        request.Path.ShouldBe("/2.8/campaigns/update");
        request.Headers!["Authorization"].ShouldBe([$"Bearer {LoopbackServer.RestApiKey}"]);
        request.Headers["X-Batch-Project"].ShouldBe([LoopbackServer.ProjectKey]);
        request.Headers.Keys.ShouldNotContain("X-Authorization");
    }

    [Fact]
    public async Task Every_request_names_the_SDK_and_its_version_in_the_User_Agent()
    {
        _server.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("[]"));
        using var batch = _server.CreateClient();

        await batch.PushCampaigns.ListAsync();

        // The version comes from git tags (MinVer): 1.2.0 on a tag, 0.0.0-alpha.0.N in a clone without tags.
        var version = typeof(BatchClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        version.ShouldMatch(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$");
        _server.Requests.Single().RequestMessage!.Headers!["User-Agent"].Single().ShouldBe($"Batch.Sdk/{version}");
    }

    [Fact]
    public async Task ForApp_addresses_another_app_with_the_same_REST_key()
    {
        _server.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("[]"));
        using var batch = _server.CreateClient();

        await batch.ForApp("ANDROID/KEY").InAppCampaigns.ListAsync(from: 20, limit: 10, live: true, fromApi: false);
        await batch.InAppCampaigns.ListAsync();

        var paths = _server.Requests.Select(entry => entry.RequestMessage!.RawPath()).ToArray();
        paths.ShouldBe([$"/1.1/ANDROID%2FKEY/in-app-campaigns/list", $"/1.1/{LoopbackServer.AppApiKey}/in-app-campaigns/list"]);
        var first = _server.Requests[0].RequestMessage!;
        first.Headers!["X-Authorization"].ShouldBe([LoopbackServer.RestApiKey]);
        first.Query!["from"].ShouldBe(["20"]);
        first.Query["limit"].ShouldBe(["10"]);
        first.Query["live"].ShouldBe(["true"]);
        first.Query["from_api"].ShouldBe(["false"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ForApp_rejects_a_blank_app_key(string? appApiKey)
    {
        using var batch = _server.CreateClient();

        Should.Throw<ArgumentException>(() => batch.ForApp(appApiKey!)).ParamName.ShouldBe("appApiKey");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_client_without_a_REST_key_cannot_be_built(string? restApiKey)
    {
        var options = _server.Options();
        options.RestApiKey = restApiKey;

        var error = Should.Throw<ArgumentException>(() => new BatchClient(options));

        error.Message.ShouldContain("BatchClientOptions.RestApiKey");
    }

    [Fact]
    public async Task A_project_call_without_a_project_key_fails_before_sending_and_names_the_option()
    {
        var options = _server.Options();
        options.ProjectKey = null;
        using var batch = new BatchClient(options);

        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            batch.Campaigns.DeleteAsync(new CampaignDeleteRequest { Id = "orchestration_1" }));

        error.Message.ShouldContain("BatchClientOptions.ProjectKey");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_app_call_without_an_app_key_fails_before_sending_and_names_the_option()
    {
        var options = _server.Options();
        options.AppApiKey = null;
        using var batch = new BatchClient(options);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => batch.PushCampaigns.GetAsync("a0082dc6860938a26280bd3ba927303b"));

        error.Message.ShouldContain("BatchClientOptions.AppApiKey");
        error.Message.ShouldContain("ForApp");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_blank_campaign_token_is_reported_before_a_missing_app_key()
    {
        var options = _server.Options();
        options.AppApiKey = null;
        using var batch = new BatchClient(options);

        var error = await Should.ThrowAsync<ArgumentException>(() => batch.PushCampaigns.GetAsync(" "));

        error.ParamName.ShouldBe("campaignToken");
        _server.Requests.ShouldBeEmpty();
    }
}
