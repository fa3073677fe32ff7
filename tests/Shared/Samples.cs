using System.Collections.Generic;

namespace Batch.Sdk.TestSupport;

/// <summary>
/// Request models built as the seed pages' examples, shared by the test projects (linked in by
/// tests/Directory.Build.props) so that every suite sends the same documented shapes.
/// </summary>
internal static class Samples
{
    public static PushCampaignCreateRequest PushCampaign(string name = "Test Campaign") => new()
    {
        Name = name,
        Live = true,
        PushTime = "now",
        Messages = [new PushMessageContent { Language = "en", Body = "Hello!" }],
    };

    public static InAppCampaignCreateRequest InAppCampaign() => new()
    {
        Name = "In-App campaign name",
        Live = true,
        Trigger = new InAppTrigger { When = "NEXT_SESSION", Capping = 10 },
        Landing = new InAppLanding
        {
            Theme = "THEME_CODE",
            Contents = [new InAppLandingContent { Language = "en", Title = "Landing title", Body = "Landing body" }],
        },
    };

    /// <summary>
    /// The 2.8 campaign of the campaigns pages (their update examples differ only in <c>send_rate</c>); a create body,
    /// and a <see cref="Campaign"/> for an update's content.
    /// </summary>
    public static CampaignCreateRequest EmailCampaign(string name = "The campaign name", int? sendRate = 100000) => new()
    {
        Name = name,
        State = CampaignState.Running,
        SendRate = sendRate,
        When = new CampaignWhen { LocalTime = false, StartTime = "2024-01-24T10:22:00Z" },
        Targeting = new CampaignTargeting
        {
            Languages = ["fr"],
            Regions = ["FR"],
            Query = new Dictionary<string, object> { ["firstname"] = new Dictionary<string, object> { ["$eq"] = "Jane" } },
        },
        Messages =
        [
            new EmailMessage
            {
                Subject = "The campaign subject",
                SenderIdentityId = "4012",
                ReplyTo = new EmailReplyTo { EmailAddress = "jane.doe@demobatch.com" },
                Html = "The campaign HTML content",
            },
        ],
    };

    public static AppCampaignRecurrence Recurrence() => new() { AdditionalProperties = { ["frequency"] = "WEEKLY" } };
}
