using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Batch.Sdk.Benchmarks.Fixtures;

/// <summary>
/// Response bodies from the documented examples of spec/openapi.yaml; the large ones repeat the documented item.
/// Every client under test receives these same bytes.
/// </summary>
public static class CannedResponses
{
    public const int CampaignListItems = 100;
    public const int StatsDays = 365;

    /// <summary>pushCampaigns_create, 201 "created".</summary>
    public static readonly byte[] PushCreated = Utf8("""{"campaign_token":"a0082dc6860938a26280bd3ba927303b"}""");

    /// <summary>inAppCampaigns_get, 200 "documented_output".</summary>
    public static readonly byte[] InAppCampaign = Utf8("""
        {"campaign_token":"70448bafec76439d534ec98ea7ab712c","from_api":true,"dev_only":false,
        "created_date":"2018-08-13T10:11:38","name":"In-App campaign name","live":true,"end_date":"2018-10-31T17:30:00",
        "trigger":{"capping":10,"when":"next_session","grace_period":{"every":2,"unit":"HOURS"}},
        "targeting":{"segments":["ONE_TIME","ENGAGED","NEW"]},
        "landing":{"theme":"THEME_CODE","contents":[{"language":"fr","title":"Landing title","body":"Landing body",
        "actions":[{"action":"DISMISS","label":"Ok"}]}]}}
        """);

    /// <summary>pushCampaigns_list, 200: the first item of "two_campaigns", 100 times.</summary>
    public static readonly byte[] CampaignList = Utf8("[" + string.Join(",", Enumerable.Repeat(
        """{"campaign_token":"a0082dc6860938a26280bd3ba927303b","name":"Test Campaign","live":true,"from_api":true,"dev_only":false,"created_date":"2017-07-05T13:30:02"}""",
        CampaignListItems)) + "]");

    /// <summary>pushCampaigns_getStats, 200: the day of "one_day", repeated over 365 consecutive days.</summary>
    public static readonly byte[] CampaignStats = Utf8(
        """{"campaign_token":"a0082dc6860938a26280bd3ba927303b","detail":[""" +
        string.Join(",", Enumerable.Range(0, StatsDays).Select(day =>
            $$"""{"date":"{{new DateTime(2015, 11, 20).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}","sent":754,"sent_optins":521,"direct_open":102,"influenced_open":98,"reengaged":12,"errors":0}""")) +
        "]}");

    /// <summary>campaigns_update, 200 "updated".</summary>
    public static readonly byte[] CampaignUpdated = Utf8("{}");

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json.Replace("\r", "").Replace("\n", ""));
}
