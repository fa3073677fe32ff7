using System;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Tests;

public sealed class BatchFakeServerTests : IDisposable
{
    private readonly FakeScope _scope = new();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public void Listens_on_the_loopback_address_and_hands_out_matching_options()
    {
        var options = _scope.Fake.Options;

        _scope.Fake.Url.Host.ShouldBe("127.0.0.1");
        _scope.Fake.Url.Port.ShouldBeGreaterThan(0);
        options.BaseAddress.ShouldBe(_scope.Fake.Url);
        options.RestApiKey.ShouldBe(_scope.Fake.RestApiKey);
        options.ProjectKey.ShouldBe(_scope.Fake.ProjectKey);
        options.AppApiKey.ShouldBe(_scope.Fake.IosAppApiKey);
        options.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Two_fakes_have_different_ports_and_keys()
    {
        using var other = BatchFakeServer.Start();

        other.Url.ShouldNotBe(_scope.Fake.Url);
        other.RestApiKey.ShouldNotBe(_scope.Fake.RestApiKey);
    }

    [Fact]
    public async Task Accepts_the_keys_it_was_started_with()
    {
        await using var fake = BatchFakeServer.Start(new BatchFakeServerOptions
        {
            RestApiKey = "my_rest_key", ProjectKey = "project_mine", IosAppApiKey = "IOS_KEY", AndroidAppApiKey = "ANDROID_KEY",
        });
        using var batch = new BatchClient(new BatchClientOptions
        {
            BaseAddress = fake.Url, RestApiKey = "my_rest_key", ProjectKey = "project_mine", AppApiKey = "ANDROID_KEY",
        });

        (await batch.PushCampaigns.CreateAsync(Samples.PushCampaign())).CampaignToken.ShouldNotBeNullOrEmpty();
        fake.State.PushCampaigns("ANDROID_KEY").Count.ShouldBe(1);
    }

    [Fact]
    public void Refuses_the_same_key_for_both_apps()
    {
        Should.Throw<ArgumentException>(() => BatchFakeServer.Start(new BatchFakeServerOptions { IosAppApiKey = "SAME", AndroidAppApiKey = "SAME" }));
    }

    [Theory]
    [InlineData("key with space", "BatchFakeServerOptions.ProjectKey must contain only visible ASCII characters")]
    [InlineData("key\n", "BatchFakeServerOptions.ProjectKey must contain only visible ASCII characters")]
    [InlineData("clé", "BatchFakeServerOptions.ProjectKey must contain only visible ASCII characters")]
    [InlineData("", "BatchFakeServerOptions.ProjectKey is required.")]
    public void Refuses_a_key_the_SDK_would_refuse_to_send_naming_the_setting(string key, string problem)
    {
        var refused = Should.Throw<ArgumentException>(() => BatchFakeServer.Start(new BatchFakeServerOptions { ProjectKey = key }));

        refused.Message.ShouldStartWith(problem);
    }

    [Fact]
    public async Task A_wrong_REST_key_on_1x_is_AUTHENTICATION_INVALID_401_10()
    {
        var options = _scope.Fake.Options;
        options.RestApiKey = "wrong";
        options.Retry.Enabled = false;
        using var batch = new BatchClient(options);

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        exception.StatusCode.ShouldBe(401);
        exception.Error.ShouldBe(BatchError.AuthenticationInvalid);
        exception.ErrorCode.ShouldBe(10);
    }

    [Fact]
    public async Task An_unknown_app_key_is_AUTHENTICATION_INVALID()
    {
        var exception = await Should.ThrowAsync<BatchApiException>(() =>
            _scope.Batch.ForApp("UNKNOWN_APP").PushCampaigns.CreateAsync(Samples.PushCampaign()));

        exception.Error.ShouldBe(BatchError.AuthenticationInvalid);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-Batch-Project")]
    public async Task A_missing_2x_credential_is_AUTHENTICATION_INVALID_in_the_2x_shape(string header)
    {
        var request = _scope.ProjectRequest(HttpMethod.Get, "2.8/orchestrations/list");
        request.Headers.Remove(header);

        var response = await _scope.Http.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(401);
        JToken.DeepEquals(await FakeScope.ReadJsonAsync(response),
            JObject.Parse("""{"error_code":"10","error_message":"The REST API key is not valid for this project."}""")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_project_key_is_AUTHENTICATION_INVALID()
    {
        var options = _scope.Fake.Options;
        options.ProjectKey = "project_other";
        using var batch = new BatchClient(options, new HttpClient());

        (await Should.ThrowAsync<BatchApiException>(() => batch.Orchestrations.ListAsync())).Error.ShouldBe(BatchError.AuthenticationInvalid);
    }

    [Theory]
    [InlineData("GET", "campaigns/unknown/route")]
    [InlineData("DELETE", "campaigns/delete/a0082dc6860938a26280bd3ba927303b")]
    public async Task An_unknown_1x_route_is_ROUTE_NOT_FOUND_404_20(string method, string path)
    {
        var response = await _scope.SendAppAsync(new HttpMethod(method), path);

        ((int)response.StatusCode).ShouldBe(404);
        JToken.DeepEquals(await FakeScope.ReadJsonAsync(response),
            JObject.Parse("""{"code":20,"type":"ROUTE_NOT_FOUND","message":"Route not found."}""")).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_2x_route_is_ROUTE_NOT_FOUND_in_the_2x_shape()
    {
        var response = await _scope.SendProjectAsync(HttpMethod.Get, "2.8/nothing/here");

        ((int)response.StatusCode).ShouldBe(404);
        (await FakeScope.ReadJsonAsync(response))["error_code"]!.ToString().ShouldBe("20");
    }

    [Fact]
    public async Task Stops_listening_when_disposed()
    {
        var fake = BatchFakeServer.Start();
        var options = fake.Options;
        options.Retry.Enabled = false;
        await fake.DisposeAsync();
        using var batch = new BatchClient(options);

        // The freed port may be taken at once by a server of another test: what must hold is that the disposed fake
        // neither answers nor records the call, whoever (if anyone) is listening there now.
        var answered = false;
        try
        {
            await batch.Orchestrations.ListAsync();
            answered = true;
        }
        catch (Exception error) when (error is BatchTransportException or BatchApiException)
        {
        }

        answered.ShouldBeFalse();
        fake.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void ToString_shows_the_address_and_no_key()
    {
        _scope.Fake.ToString().ShouldContain(_scope.Fake.Url.ToString());
        _scope.Fake.ToString().ShouldNotContain(_scope.Fake.RestApiKey);
    }
}
