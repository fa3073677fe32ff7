using System;
using System.Collections.Generic;

namespace Batch.Sdk.Benchmarks.Clients;

// What a user would write by hand for the floor and for Refit: plain classes, no attributes. Names map to snake_case
// through the serializer settings (Newtonsoft's SnakeCaseNamingStrategy, System.Text.Json's SnakeCaseLower).

public sealed class PlainPushCampaignCreate
{
    public string Name { get; set; } = "";
    public bool Live { get; set; }
    public string? PushTime { get; set; }
    public List<PlainPushMessage> Messages { get; set; } = new();
}

public sealed class PlainPushMessage
{
    public string Language { get; set; } = "";
    public string? Title { get; set; }
    public string Body { get; set; } = "";
}

public sealed class PlainCampaignToken
{
    public string? CampaignToken { get; set; }
}

public sealed class PlainInAppCampaign
{
    public string? CampaignToken { get; set; }
    public bool FromApi { get; set; }
    public bool DevOnly { get; set; }
    public string? CreatedDate { get; set; }
    public string? Name { get; set; }
    public bool Live { get; set; }
    public string? EndDate { get; set; }
    public PlainInAppTrigger? Trigger { get; set; }
    public PlainInAppTargeting? Targeting { get; set; }
    public PlainInAppLanding? Landing { get; set; }
}

public sealed class PlainInAppTrigger
{
    public int? Capping { get; set; }
    public string? When { get; set; }
    public PlainGracePeriod? GracePeriod { get; set; }
}

public sealed class PlainGracePeriod
{
    public int? Every { get; set; }
    public string? Unit { get; set; }
}

public sealed class PlainInAppTargeting
{
    public List<string>? Segments { get; set; }
}

public sealed class PlainInAppLanding
{
    public string? Theme { get; set; }
    public List<PlainLandingContent>? Contents { get; set; }
}

public sealed class PlainLandingContent
{
    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public List<PlainLandingAction>? Actions { get; set; }
}

public sealed class PlainLandingAction
{
    public string? Action { get; set; }
    public string? Label { get; set; }
}

public sealed class PlainCampaignSummary
{
    public string? CampaignToken { get; set; }
    public string? Name { get; set; }
    public bool? Live { get; set; }
    public bool? FromApi { get; set; }
    public bool? DevOnly { get; set; }
    public string? CreatedDate { get; set; }
}

public sealed class PlainCampaignStats
{
    public string? CampaignToken { get; set; }
    public List<PlainStatsDay>? Detail { get; set; }
}

public sealed class PlainStatsDay
{
    public DateTimeOffset? Date { get; set; }
    public int? Sent { get; set; }
    public int? SentOptins { get; set; }
    public int? DirectOpen { get; set; }
    public int? InfluencedOpen { get; set; }
    public int? Reengaged { get; set; }
    public int? Errors { get; set; }
}

public sealed class PlainCampaignUpdate
{
    public string Id { get; set; } = "";
    public PlainCampaign Campaign { get; set; } = new();
}

public sealed class PlainCampaign
{
    public string Name { get; set; } = "";
    public string State { get; set; } = "";
    public int? SendRate { get; set; }
    public PlainCampaignWhen When { get; set; } = new();
    public PlainCampaignTargeting? Targeting { get; set; }
    public List<PlainEmailMessage> Messages { get; set; } = new();
}

public sealed class PlainCampaignWhen
{
    public bool? LocalTime { get; set; }
    public string? StartTime { get; set; }
}

public sealed class PlainCampaignTargeting
{
    public List<string>? Languages { get; set; }
    public List<string>? Regions { get; set; }
    public Dictionary<string, Dictionary<string, string>>? Query { get; set; }
}

public sealed class PlainEmailMessage
{
    public string ChannelType { get; set; } = "email";
    public string? Subject { get; set; }
    public string? SenderIdentityId { get; set; }
    public PlainReplyTo? ReplyTo { get; set; }
    public string? Html { get; set; }
}

public sealed class PlainReplyTo
{
    public string? EmailAddress { get; set; }
}

/// <summary>The 2.x success body <c>{}</c>.</summary>
public sealed class PlainEmpty
{
}
