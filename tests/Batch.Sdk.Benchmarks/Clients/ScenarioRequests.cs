using System.Collections.Generic;

namespace Batch.Sdk.Benchmarks.Clients;

/// <summary>The request bodies of the write scenarios, from the spec's documented examples, as SDK models and as plain classes.</summary>
public static class ScenarioRequests
{
    private const string CampaignId = "orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q";

    /// <summary>pushCampaigns_create "minimal_payload".</summary>
    public static PushCampaignCreateRequest SdkPushCreate() => new()
    {
        Name = "Test Campaign",
        PushTime = "now",
        Live = true,
        Messages = new List<PushMessageContent> { new() { Language = "en", Title = "Hello!", Body = "How's it going?" } },
    };

    /// <inheritdoc cref="SdkPushCreate"/>
    public static PlainPushCampaignCreate PlainPushCreate() => new()
    {
        Name = "Test Campaign",
        PushTime = "now",
        Live = true,
        Messages = new List<PlainPushMessage> { new() { Language = "en", Title = "Hello!", Body = "How's it going?" } },
    };

    /// <summary>campaigns_update "http_request": an email message.</summary>
    public static CampaignUpdateRequest SdkCampaignUpdate() => new()
    {
        Id = CampaignId,
        Campaign = new Campaign
        {
            Name = "The campaign name",
            State = CampaignState.Running,
            SendRate = 100000,
            When = new CampaignWhen { LocalTime = false, StartTime = "2024-01-24T10:22:00Z" },
            Targeting = new CampaignTargeting { Languages = new List<string> { "fr" }, Regions = new List<string> { "FR" }, Query = SdkQuery() },
            Messages = new List<CampaignMessage>
            {
                new EmailMessage
                {
                    Subject = "The campaign subject",
                    SenderIdentityId = "4012",
                    ReplyTo = new EmailReplyTo { EmailAddress = "jane.doe@demobatch.com" },
                    Html = "The campaign HTML content",
                },
            },
        },
    };

    /// <inheritdoc cref="SdkCampaignUpdate"/>
    public static PlainCampaignUpdate PlainCampaignUpdate() => new()
    {
        Id = CampaignId,
        Campaign = new PlainCampaign
        {
            Name = "The campaign name",
            State = "RUNNING",
            SendRate = 100000,
            When = new PlainCampaignWhen { LocalTime = false, StartTime = "2024-01-24T10:22:00Z" },
            Targeting = new PlainCampaignTargeting { Languages = new List<string> { "fr" }, Regions = new List<string> { "FR" }, Query = Query() },
            Messages = new List<PlainEmailMessage>
            {
                new()
                {
                    Subject = "The campaign subject",
                    SenderIdentityId = "4012",
                    ReplyTo = new PlainReplyTo { EmailAddress = "jane.doe@demobatch.com" },
                    Html = "The campaign HTML content",
                },
            },
        },
    };

    private static Dictionary<string, Dictionary<string, string>> Query() => new() { ["firstname"] = new() { ["$eq"] = "Jane" } };

    // The SDK types the targeting query as an open JSON object (spec: TargetingQuery); same JSON as Query().
    private static Dictionary<string, object> SdkQuery() => new() { ["firstname"] = new Dictionary<string, string> { ["$eq"] = "Jane" } };
}
