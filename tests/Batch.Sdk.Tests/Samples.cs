using System.Collections.Generic;

namespace Batch.Sdk.Tests;

/// <summary>Request models built as the documentation's examples.</summary>
internal static class Samples
{
    public static PushCampaignCreate PushCampaign() => new()
    {
        Name = "Test Campaign",
        Live = true,
        PushTime = "now",
        Messages = [new PushMessageContent { Language = "en", Body = "Hello!" }],
    };

    public static Campaign EmailCampaign() => new()
    {
        Name = "The campaign name",
        State = CampaignState.Running,
        SendRate = 100000,
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
}
