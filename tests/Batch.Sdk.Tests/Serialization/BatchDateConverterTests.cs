using System;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.Serialization;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;

namespace Batch.Sdk.Tests.Serialization;

public sealed class BatchDateConverterTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Days_are_read_as_midnight_UTC_and_written_back_as_they_came()
    {
        const string json = """{"campaign_token":"t","detail":[{"date":"2015-11-20","sent":754},{"date":"2016-02-29","sent":1}]}""";

        var stats = BatchJson.Deserialize<PushCampaignStats>(json)!;

        stats.Detail!.Select(day => day.Date).ShouldBe([
            new DateTimeOffset(2015, 11, 20, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2016, 2, 29, 0, 0, 0, TimeSpan.Zero),
        ]);
        JToken.DeepEquals(JToken.Parse(BatchJson.Serialize(stats)), JToken.Parse(json)).ShouldBeTrue();
    }

    [Fact]
    public void A_full_date_time_where_a_day_is_expected_is_read_leniently_and_written_as_its_day()
    {
        var stats = BatchJson.Deserialize<PushCampaignStats>("""{"detail":[{"date":"2015-11-20T23:30:00-02:00"}]}""")!;

        stats.Detail!.Single().Date.ShouldBe(new DateTimeOffset(2015, 11, 20, 23, 30, 0, TimeSpan.FromHours(-2)));
        JObject.Parse(BatchJson.Serialize(stats))["detail"]![0]!["date"]!.Value<string>().ShouldBe("2015-11-20");
    }

    [Fact]
    public async Task A_day_that_is_not_a_date_fails_as_a_BatchApiException_naming_the_field()
    {
        _server.Server.Given(Request.Create().UsingGet())
            .RespondWith(LoopbackServer.Json(200, """{"campaign_token":"t","detail":[{"date":"yesterday","sent":754}]}"""));
        using var batch = _server.CreateClient();

        var failure = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.GetStatsAsync("t"));

        failure.StatusCode.ShouldBe(200);
        failure.Message.ShouldContain("detail[0].date");
    }
}
