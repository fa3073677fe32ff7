using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace Batch.Sdk.Testing.Tests;

public sealed class BatchFakeRequestTests : IDisposable
{
    private readonly FakeScope _scope = new();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task A_1x_request_is_recorded_with_its_operation_headers_body_and_status()
    {
        await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign());

        var request = _scope.Fake.Requests.Single();
        request.OperationId.ShouldBe("pushCampaigns_create");
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe($"/1.1/{_scope.Fake.IosAppApiKey}/campaigns/create");
        request.Headers["x-authorization"].ShouldBe(_scope.Fake.RestApiKey);
        request.Json!["name"]!.ToString().ShouldBe("Test Campaign");
        request.Body.ShouldContain("\"push_time\":\"now\"");
        request.StatusCode.ShouldBe(201);
    }

    [Fact]
    public async Task A_2x_request_is_recorded_with_its_query_and_credentials()
    {
        await _scope.Batch.Orchestrations.ListAsync(limit: 5);

        var request = _scope.Fake.Requests.Single();
        request.OperationId.ShouldBe("orchestrations_list");
        request.Query["limit"].ShouldBe("5");
        request.Headers["Authorization"].ShouldBe("Bearer " + _scope.Fake.RestApiKey);
        request.Headers["X-Batch-Project"].ShouldBe(_scope.Fake.ProjectKey);
        request.Json.ShouldBeNull();
    }

    [Fact]
    public async Task Refused_requests_and_unknown_routes_are_recorded_too()
    {
        await _scope.SendAppAsync(HttpMethod.Post, "campaigns/create", "not json");
        await _scope.SendAppAsync(HttpMethod.Get, "no/such/route");

        _scope.Fake.Requests.Select(request => (request.OperationId, request.StatusCode))
            .ShouldBe([("pushCampaigns_create", (int?)400), (null, (int?)404)]);
        _scope.Fake.Requests[0].Json.ShouldBeNull();
    }

    [Fact]
    public async Task ToString_masks_the_app_key_and_shows_no_header_or_body()
    {
        await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign());

        var text = _scope.Fake.Requests.Single().ToString();

        text.ShouldBe("POST /1.1/***/campaigns/create -> 201 (pushCampaigns_create)");
        text.ShouldNotContain(_scope.Fake.IosAppApiKey);
        text.ShouldNotContain(_scope.Fake.RestApiKey);
    }

    [Theory]
    [InlineData("", "UNKNOWN_APP")]
    [InlineData("", "odd%key/with?escapes")]
    // A base address with a path (a proxy's mount): the fake used to show the key here, the SDK never did.
    [InlineData("behind/a/proxy/", "UNKNOWN_APP")]
    public async Task ToString_masks_a_1x_path_exactly_as_the_SDK_masks_it(string basePath, string appApiKey)
    {
        await using var fake = BatchFakeServer.Start();
        using var batch = new BatchClient(WithoutRetries(fake, basePath));

        // The fake refuses the request (an unknown app key, or no 1.1 route under the proxy path), so the SDK's message describes it too.
        var error = await Should.ThrowAsync<BatchApiException>(() => batch.ForApp(appApiKey).PushCampaigns.ListAsync());

        var described = fake.Requests.Single().ToString();
        // The SDK's message starts with the method and the masked path.
        error.Message.ShouldStartWith(described[..described.IndexOf(" -> ", StringComparison.Ordinal)] + " ");
        described.ShouldContain("/1.1/***/campaigns/list");
        described.ShouldNotContain(Uri.EscapeDataString(appApiKey));
    }

    [Fact]
    public async Task ToString_leaves_a_2x_path_as_the_SDK_does()
    {
        await using var fake = BatchFakeServer.Start();
        var options = WithoutRetries(fake, basePath: "");
        options.ProjectKey = "another_project";
        using var batch = new BatchClient(options);

        var error = await Should.ThrowAsync<BatchApiException>(() => batch.Segments.ListAsync());

        error.Message.ShouldStartWith("GET /2.11/segments/list ");
        fake.Requests.Single().ToString().ShouldBe("GET /2.11/segments/list -> 401 (segments_list)");
    }

    [Fact]
    public async Task Requests_sent_in_parallel_are_all_recorded()
    {
        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => _scope.Batch.Segments.ListAsync()));

        _scope.Fake.Requests.Count.ShouldBe(30);
        _scope.Fake.Requests.ShouldAllBe(request => request.OperationId == "segments_list" && request.StatusCode == 200);
    }

    [Fact]
    public async Task The_log_keeps_only_the_most_recent_MaxRecordedRequests()
    {
        await using var fake = BatchFakeServer.Start(new BatchFakeServerOptions { MaxRecordedRequests = 3 });
        using var batch = new BatchClient(fake.Options);

        for (var limit = 1; limit <= 5; limit++)
            await batch.Orchestrations.ListAsync(limit: limit);

        fake.Requests.Select(request => request.Query["limit"]).ShouldBe(["3", "4", "5"]);
    }

    [Fact]
    public async Task A_log_of_capacity_0_records_nothing()
    {
        await using var fake = BatchFakeServer.Start(new BatchFakeServerOptions { MaxRecordedRequests = 0 });
        using var batch = new BatchClient(fake.Options);

        await batch.Orchestrations.ListAsync();

        fake.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task WireMock_keeps_no_second_log_of_the_requests()
    {
        await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign());

        _scope.Fake.Requests.Count.ShouldBe(1);
        _scope.Fake.WireMockLogEntryCount.ShouldBe(0);
    }

    [Fact]
    public void The_defaults_are_documented_and_out_of_range_bounds_are_refused()
    {
        var options = new BatchFakeServerOptions();
        options.MaxRequestBodyBytes.ShouldBe(10 * 1024 * 1024);
        options.MaxRecordedRequests.ShouldBe(1000);

        Should.Throw<ArgumentException>(() => BatchFakeServer.Start(new BatchFakeServerOptions { MaxRequestBodyBytes = 0 }));
        Should.Throw<ArgumentException>(() => BatchFakeServer.Start(new BatchFakeServerOptions { MaxRecordedRequests = -1 }));
    }

    private static BatchClientOptions WithoutRetries(BatchFakeServer fake, string basePath)
    {
        var options = fake.Options;
        options.BaseAddress = new Uri(fake.Url, basePath);
        options.Retry.Enabled = false;
        return options;
    }
}
