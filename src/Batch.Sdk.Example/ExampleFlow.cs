using Batch.Sdk;

namespace Batch.Sdk.Example;

/// <summary>A realistic session with both API families, written as a customer's service would.</summary>
internal sealed class ExampleFlow(IBatchClient batch, TextWriter log)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await PushCampaignAsync(cancellationToken);
        await InAppCampaignAsync(cancellationToken);
        await EmailCampaignAsync(cancellationToken);
        await DeliberateErrorAsync(cancellationToken);
    }

    // 1.1: create, update, view, stats, delete.
    private async Task PushCampaignAsync(CancellationToken cancellationToken)
    {
        var created = await batch.PushCampaigns.CreateAsync(new PushCampaignCreate
        {
            Name = "Winter sale",
            Live = false,
            PushTime = "2026-12-01T09:00:00",
            Labels = ["sales"],
            Messages = [new PushMessageContent { Language = "en", Title = "Winter sale", Body = "20% off everything today" }],
        }, cancellationToken);
        log.WriteLine($"1.1 push campaign created: {created.CampaignToken}");

        await batch.PushCampaigns.UpdateAsync(created.CampaignToken, new PushCampaignUpdate
        {
            Name = "Winter sale (extended)",
            Live = false,
            PushTime = "2026-12-02T09:00:00",
            Messages = [new PushMessageContent { Language = "en", Title = "Winter sale", Body = "Extended: 20% off until Sunday" }],
        }, cancellationToken);
        log.WriteLine("1.1 push campaign updated");

        var details = await batch.PushCampaigns.GetAsync(created.CampaignToken, cancellationToken);
        log.WriteLine($"1.1 push campaign viewed: \"{details.Name}\", created {details.CreatedDate}, from API: {details.FromApi}");

        var stats = await batch.PushCampaigns.GetStatsAsync(created.CampaignToken, cancellationToken);
        var sent = stats.Detail?.Sum(day => day.Sent ?? 0) ?? 0;
        log.WriteLine($"1.1 push campaign stats: {stats.Detail?.Count ?? 0} day(s), {sent} sent");

        await batch.PushCampaigns.DeleteAsync(created.CampaignToken, cancellationToken);
        log.WriteLine("1.1 push campaign deleted");
    }

    // 1.1: an in-app campaign, viewed and updated.
    private async Task InAppCampaignAsync(CancellationToken cancellationToken)
    {
        var created = await batch.InAppCampaigns.CreateAsync(new InAppCampaignCreate
        {
            Name = "Onboarding tips",
            Live = false,
            Trigger = new InAppTrigger { When = "NEXT_SESSION" },
            Landing = new InAppLanding
            {
                Theme = "onboarding",
                Contents = [new InAppLandingContent { Language = "en", Title = "Welcome", Body = "Swipe to discover" }],
            },
        }, cancellationToken);

        var details = await batch.InAppCampaigns.GetAsync(created.CampaignToken, cancellationToken);
        log.WriteLine($"1.1 in-app campaign viewed: \"{details.Name}\" ({created.CampaignToken})");

        await batch.InAppCampaigns.UpdateAsync(created.CampaignToken, new InAppCampaignUpdate
        {
            Name = "Onboarding tips (v2)",
            Live = false,
            Trigger = new InAppTrigger { When = "NEXT_SESSION" },
            Landing = details.Landing,
        }, cancellationToken);
        log.WriteLine("1.1 in-app campaign updated");
    }

    // 2.8: an email campaign, created, updated and deleted.
    private async Task EmailCampaignAsync(CancellationToken cancellationToken)
    {
        var campaign = new Campaign
        {
            Name = "Welcome email",
            State = CampaignState.Draft,
            When = new CampaignWhen { StartTime = "2026-12-01T09:00:00Z" },
            Messages = [new EmailMessage { Subject = "Welcome aboard", SenderIdentityId = "12", Html = "<p>Hello!</p>" }],
        };
        var created = await batch.Campaigns.CreateAsync(campaign, cancellationToken);
        log.WriteLine($"2.8 email campaign created: {created.Id}");

        campaign.Name = "Welcome email (new subject)";
        await batch.Campaigns.UpdateAsync(new CampaignUpdateRequest { Id = created.Id, Campaign = campaign }, cancellationToken);
        log.WriteLine("2.8 email campaign updated");

        await batch.Campaigns.DeleteAsync(new CampaignDeleteRequest { Id = created.Id }, cancellationToken);
        log.WriteLine("2.8 email campaign deleted");
    }

    // A campaign that does not exist: the typed exception carries the status and Batch's error, never a key.
    private async Task DeliberateErrorAsync(CancellationToken cancellationToken)
    {
        try
        {
            await batch.PushCampaigns.GetAsync("no-such-campaign", cancellationToken);
            log.WriteLine("unexpected: the missing campaign was found");
        }
        catch (BatchApiException error)
        {
            log.WriteLine($"deliberate error, as expected: HTTP {error.StatusCode}, {error.Error} (code {error.ErrorCode}): {error.ServerMessage}");
        }
    }
}
