using Batch.Sdk;

namespace Batch.Sdk.Example;

/// <summary>
/// A realistic session with both API families, written as a customer's service would. Everything it creates it
/// deletes again, even when a step fails (it may run against the real API), and its schedules start tomorrow.
/// </summary>
internal sealed class ExampleFlow(IBatchClient batch, TextWriter log)
{
    // Tomorrow 09:00 UTC, so a run on any day schedules in the future. 1.1 writes yyyy-MM-ddTHH:mm:ss; 2.8 RFC 3339.
    private static readonly DateTimeOffset Tomorrow = new(DateTime.UtcNow.Date.AddDays(1).AddHours(9), TimeSpan.Zero);
    private static readonly string LocalPushTime = Tomorrow.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string UtcStartTime = Tomorrow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

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
        var created = await batch.PushCampaigns.CreateAsync(new PushCampaignCreateRequest
        {
            Name = "Winter sale",
            Live = false,
            PushTime = LocalPushTime,
            Labels = ["sales"],
            Messages = [new PushMessageContent { Language = "en", Title = "Winter sale", Body = "20% off everything today" }],
        }, cancellationToken);
        log.WriteLine($"1.1 push campaign created: {created.CampaignToken}");
        try
        {
            await PushCampaignStepsAsync(created.CampaignToken, cancellationToken);
        }
        finally
        {
            await CleanUpAsync("1.1 push campaign", () => batch.PushCampaigns.DeleteAsync(created.CampaignToken, CancellationToken.None));
        }
    }

    private async Task PushCampaignStepsAsync(string campaignToken, CancellationToken cancellationToken)
    {
        await batch.PushCampaigns.UpdateAsync(campaignToken, new PushCampaignUpdateRequest
        {
            Name = "Winter sale (extended)",
            Live = false,
            PushTime = LocalPushTime,
            Messages = [new PushMessageContent { Language = "en", Title = "Winter sale", Body = "Extended: 20% off until Sunday" }],
        }, cancellationToken);
        log.WriteLine("1.1 push campaign updated");

        var details = await batch.PushCampaigns.GetAsync(campaignToken, cancellationToken);
        log.WriteLine($"1.1 push campaign viewed: \"{details.Name}\", created {details.CreatedDate}, from API: {details.FromApi}");

        var stats = await batch.PushCampaigns.GetStatsAsync(campaignToken, cancellationToken);
        var sent = stats.Detail?.Sum(day => day.Sent ?? 0) ?? 0;
        log.WriteLine($"1.1 push campaign stats: {stats.Detail?.Count ?? 0} day(s), {sent} sent");
    }

    // 1.1: an in-app campaign, viewed and updated.
    private async Task InAppCampaignAsync(CancellationToken cancellationToken)
    {
        var created = await batch.InAppCampaigns.CreateAsync(new InAppCampaignCreateRequest
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

        try
        {
            var details = await batch.InAppCampaigns.GetAsync(created.CampaignToken, cancellationToken);
            log.WriteLine($"1.1 in-app campaign viewed: \"{details.Name}\" ({created.CampaignToken})");

            await batch.InAppCampaigns.UpdateAsync(created.CampaignToken, new InAppCampaignUpdateRequest
            {
                Name = "Onboarding tips (v2)",
                Live = false,
                Trigger = new InAppTrigger { When = "NEXT_SESSION" },
                Landing = details.Landing,
            }, cancellationToken);
            log.WriteLine("1.1 in-app campaign updated");
        }
        finally
        {
            await CleanUpAsync("1.1 in-app campaign", () => batch.InAppCampaigns.DeleteAsync(created.CampaignToken, CancellationToken.None));
        }
    }

    // 2.8: an email campaign, created, updated and deleted.
    private async Task EmailCampaignAsync(CancellationToken cancellationToken)
    {
        var campaign = new CampaignCreateRequest
        {
            Name = "Welcome email",
            State = CampaignState.Draft,
            When = new CampaignWhen { StartTime = UtcStartTime },
            Messages = [new EmailMessage { Subject = "Welcome aboard", SenderIdentityId = "12", Html = "<p>Hello!</p>" }],
        };
        var created = await batch.Campaigns.CreateAsync(campaign, cancellationToken);
        log.WriteLine($"2.8 email campaign created: {created.Id}");

        try
        {
            campaign.Name = "Welcome email (new subject)";
            await batch.Campaigns.UpdateAsync(new CampaignUpdateRequest { Id = created.Id, Campaign = campaign }, cancellationToken);
            log.WriteLine("2.8 email campaign updated");
        }
        finally
        {
            await CleanUpAsync("2.8 email campaign", () => batch.Campaigns.DeleteAsync(new CampaignDeleteRequest { Id = created.Id }, CancellationToken.None));
        }
    }

    // Deletes what a step created, also after a failure (then the step's own error is the one reported).
    private async Task CleanUpAsync(string what, Func<Task> delete)
    {
        try
        {
            await delete();
            log.WriteLine($"{what} deleted");
        }
        catch (Exception error) when (error is BatchApiException or BatchOutcomeUnknownException or HttpRequestException or OperationCanceledException)
        {
            log.WriteLine($"could not delete the {what}: {error.Message}");
        }
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
