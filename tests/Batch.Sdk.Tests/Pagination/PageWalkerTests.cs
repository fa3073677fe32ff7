using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WireMock.RequestBuilders;

namespace Batch.Sdk.Tests.Pagination;

public sealed class PageWalkerTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Cursor_walker_follows_next_from_until_has_more_is_false()
    {
        GivenAudiencePage(from: null, names: ["a", "b"], nextFrom: "c2");
        GivenAudiencePage(from: "c2", names: ["c"], nextFrom: "c3");
        GivenAudiencePage(from: "c3", names: ["d"], nextFrom: null);
        using var batch = _server.CreateClient();

        var names = new List<string?>();
        await foreach (var audience in batch.Audiences.ListAllAsync(limit: 2))
            names.Add(audience.Name);

        names.ShouldBe(["a", "b", "c", "d"]);
        var queries = _server.Requests.Select(r => r.RequestMessage!.Url).ToArray();
        queries.Length.ShouldBe(3);
        queries.ShouldAllBe(url => url.Contains("limit=2"));
        queries[0].ShouldNotContain("from=");
        queries[2].ShouldContain("from=c3");
    }

    [Fact]
    public async Task Cursor_walker_fetches_the_next_page_only_when_the_caller_gets_there()
    {
        GivenAudiencePage(from: null, names: ["a", "b"], nextFrom: "c2");
        GivenAudiencePage(from: "c2", names: ["c"], nextFrom: null);
        using var batch = _server.CreateClient();

        await foreach (var audience in batch.Audiences.ListAllAsync())
        {
            audience.Name.ShouldBe("a");
            break;
        }

        _server.Requests.Length.ShouldBe(1);
    }

    [Fact]
    public async Task Cursor_walker_stops_with_a_clear_error_when_Batch_repeats_a_cursor()
    {
        GivenAudiencePage(from: null, names: ["a"], nextFrom: "same");
        GivenAudiencePage(from: "same", names: ["b"], nextFrom: "same");
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in batch.Audiences.ListAllAsync()) { }
        });

        error.Message.ShouldContain("same next_from cursor");
        _server.Requests.Length.ShouldBe(2);
    }

    [Fact]
    public async Task Offset_walker_advances_from_by_the_page_size_and_stops_on_a_short_page()
    {
        GivenPushListPage(from: 0, count: 2);
        GivenPushListPage(from: 2, count: 2);
        GivenPushListPage(from: 4, count: 1);
        using var batch = _server.CreateClient();

        var tokens = new List<string?>();
        await foreach (var campaign in batch.PushCampaigns.ListAllAsync(limit: 2, live: true))
            tokens.Add(campaign.CampaignToken);

        tokens.ShouldBe(["t0", "t1", "t2", "t3", "t4"]);
        _server.Requests.Length.ShouldBe(3);
        _server.Requests.ShouldAllBe(r => r.RequestMessage!.Url.Contains("live=true"));
    }

    [Fact]
    public async Task Offset_walker_asks_for_the_documented_maximum_page_size_by_default()
    {
        GivenPushListPage(from: 0, count: 3);
        using var batch = _server.CreateClient();

        var count = 0;
        await foreach (var _ in batch.InAppCampaigns.ListAllAsync())
            count++;

        count.ShouldBe(3);
        _server.Requests.Single().RequestMessage!.Url.ShouldContain("limit=100");
    }

    [Fact]
    public async Task Cancelling_the_walk_stops_before_the_next_page()
    {
        GivenAudiencePage(from: null, names: ["a"], nextFrom: "c2");
        GivenAudiencePage(from: "c2", names: ["b"], nextFrom: null);
        using var batch = _server.CreateClient();
        using var cancellation = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in batch.Audiences.ListAllAsync().WithCancellation(cancellation.Token))
                cancellation.Cancel();
        });

        _server.Requests.Length.ShouldBe(1);
    }

    private void GivenAudiencePage(string? from, string[] names, string? nextFrom)
    {
        var request = Request.Create().WithPath("/2.8/audiences/list").UsingGet();
        request = from is null ? request.WithParam("from", matchBehaviour: WireMock.Matchers.MatchBehaviour.RejectOnMatch) : request.WithParam("from", from);
        var audiences = string.Join(",", names.Select(n => $$"""{"name":"{{n}}"}"""));
        var next = nextFrom is null ? "" : $$""","next_from":"{{nextFrom}}" """;
        _server.Server.Given(request).RespondWith(LoopbackServer.Json(200, $$"""{"audiences":[{{audiences}}],"has_more":{{(nextFrom is null ? "false" : "true")}}{{next}}}"""));
    }

    private void GivenPushListPage(int from, int count)
    {
        var items = string.Join(",", Enumerable.Range(from, count).Select(i => $$"""{"campaign_token":"t{{i}}"}"""));
        _server.Server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/1\\.1/[^/]+/(campaigns|in-app-campaigns)/list$")).UsingGet().WithParam("from", from.ToString()))
            .RespondWith(LoopbackServer.Json(200, $"[{items}]"));
    }
}
