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

    [Fact]
    public async Task Requests_sent_in_parallel_are_all_recorded()
    {
        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => _scope.Batch.Segments.ListAsync()));

        _scope.Fake.Requests.Count.ShouldBe(30);
        _scope.Fake.Requests.ShouldAllBe(request => request.OperationId == "segments_list" && request.StatusCode == 200);
    }
}
