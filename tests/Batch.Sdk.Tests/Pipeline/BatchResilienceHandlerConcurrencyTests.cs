using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>Many calls at once through one handler, with refusals and server errors injected into their first answers.</summary>
public sealed class BatchResilienceHandlerConcurrencyTests : IDisposable
{
    private const int Calls = 200;

    private readonly LoopbackServer _server = new();
    private readonly ConcurrentDictionary<string, int> _answers = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Two_hundred_parallel_calls_with_injected_429s_and_503s_all_end_right_without_duplicate_creates()
    {
        _server.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(Answer));
        using var harness = new RetryHarness(_server);

        // Even calls create campaign i, odd calls list from i; the callback decides each first answer from i % 10.
        var calls = Enumerable.Range(0, Calls).Select(i => i % 2 == 0
            ? Outcome(harness.Batch.PushCampaigns.CreateAsync(new PushCampaignCreateRequest
            {
                Name = $"campaign-{i}",
                Live = true,
                PushTime = "now",
                Messages = [new PushMessageContent { Language = "en", Body = "Hello!" }],
            }))
            : Outcome(harness.Batch.PushCampaigns.ListAsync(from: i))).ToArray();
        var outcomes = await harness.RunAsync(_ => Task.WhenAll(calls));

        for (var i = 0; i < Calls; i++)
        {
            var injected = Injected(i);
            var outcome = outcomes[i];
            if (i % 2 == 1)
                outcome.ShouldBeAssignableTo<System.Collections.Generic.IList<AppCampaignSummary>>($"list {i} after {injected}");
            else if (injected == 500)
                outcome.ShouldBeOfType<BatchOutcomeUnknownException>($"create {i} after a 500").StatusCode.ShouldBe(500);
            else
                outcome.ShouldBeOfType<PushCampaignCreated>($"create {i} after {injected}").CampaignToken.ShouldBe($"token-{i}");
        }

        // The server's log: a create was sent again only after Batch refused it, and never after a 500 or a 201.
        var creates = _server.Requests
            .Where(entry => entry.RequestMessage!.Method == "POST")
            .GroupBy(entry => (string)JObject.Parse(entry.RequestMessage!.Body!)["name"]!)
            .ToDictionary(group => group.Key, group => group.Select(entry => entry.ResponseMessage!.StatusCode).ToArray());
        creates.Count.ShouldBe(Calls / 2);
        foreach (var (name, statuses) in creates)
        {
            statuses.Count(status => status is 201 or 500).ShouldBe(1, name);
            statuses.Length.ShouldBe(Injected(int.Parse(name["campaign-".Length..])) is 429 or 503 ? 2 : 1, name);
        }
    }

    /// <summary>What the first answer to call <paramref name="i"/> is: about 30% refusals (429, 503), 10% server errors, the rest successes.</summary>
    private static int Injected(int i) => (i / 2 % 10) switch
    {
        0 or 1 => 429,
        2 => 503,
        3 => 500,
        _ => 200,
    };

    private IResponseMessage Answer(IRequestMessage request)
    {
        var i = request.Method == "POST"
            ? int.Parse(((string)JObject.Parse(request.Body!)["name"]!)["campaign-".Length..])
            : int.Parse(request.Query!["from"][0]);
        var key = $"{request.Method} {i}";
        var first = _answers.AddOrUpdate(key, 1, (_, count) => count + 1) == 1;
        var status = first ? Injected(i) : 200;
        return status switch
        {
            429 => Message(429, """{"code":60,"type":"TOO_MANY_REQUESTS","message":"Slow down."}"""),
            503 => Message(503, """{"code":2,"type":"MAINTENANCE_ERROR","message":"Back soon."}"""),
            500 => Message(500, """{"code":1,"type":"SERVER_ERROR","message":"Oops."}"""),
            _ when request.Method == "POST" => Message(201, $$"""{"campaign_token":"token-{{i}}"}"""),
            _ => Message(200, "[]"),
        };
    }

    private static ResponseMessage Message(int status, string body) => new()
    {
        StatusCode = status,
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };

    private static async Task<object> Outcome<T>(Task<T> call)
    {
        try
        {
            return (await call)!;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
