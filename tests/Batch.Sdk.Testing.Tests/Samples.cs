using System.Collections.Generic;

namespace Batch.Sdk.Testing.Tests;

/// <summary>Request models built as the documentation's examples.</summary>
internal static class Samples
{
    public static PushCampaignCreate PushCampaign(string name = "Test Campaign") => new()
    {
        Name = name,
        Live = true,
        PushTime = "now",
        Messages = [new PushMessageContent { Language = "en", Body = "Hello!" }],
    };

    public static InAppCampaignCreate InAppCampaign() => new()
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

    public static Campaign EmailCampaign(string name = "The campaign name") => new()
    {
        Name = name,
        State = CampaignState.Running,
        When = new CampaignWhen { LocalTime = false, StartTime = "now" },
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

    public static Dictionary<string, object> Recurrence() => new() { ["frequency"] = "WEEKLY" };
}
