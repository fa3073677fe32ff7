using System;
using System.Linq;
using System.Threading.Tasks;

namespace Batch.Sdk.Testing.Tests.State;

public sealed class InAppCampaignTests : IDisposable
{
    private readonly FakeScope _scope = new();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task Create_then_view_returns_the_campaign_with_its_token_and_metadata()
    {
        var created = await _scope.Batch.InAppCampaigns.CreateAsync(Samples.InAppCampaign());

        var campaign = await _scope.Batch.InAppCampaigns.GetAsync(created.CampaignToken);

        created.CampaignToken.ShouldMatch("^[0-9a-f]{32}$");
        campaign.CampaignToken.ShouldBe(created.CampaignToken);
        campaign.FromApi.ShouldBeTrue();
        campaign.DevOnly.ShouldBeFalse();
        campaign.CreatedDate.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$");
        campaign.Trigger.When.ShouldBe("NEXT_SESSION");
        campaign.Landing!.Theme.ShouldBe("THEME_CODE");
    }

    [Fact]
    public async Task A_parameter_added_by_an_update_cannot_be_removed()
    {
        var created = await _scope.Batch.InAppCampaigns.CreateAsync(Samples.InAppCampaign());
        await _scope.Batch.InAppCampaigns.UpdateAsync(created.CampaignToken, new InAppCampaignUpdateRequest { EndDate = "2030-10-31T17:30:00" });

        var exception = await Should.ThrowAsync<BatchApiException>(() =>
            _scope.Batch.InAppCampaigns.UpdateAsync(created.CampaignToken, new InAppCampaignUpdateRequest { Name = "Updated Test Campaign Name", Live = true }));

        exception.Error.ShouldBe(BatchError.MalformedParameter);
        exception.ServerMessage.ShouldBe("Malformed parameter: end_date was added by an update and cannot be removed.");
    }

    [Fact]
    public async Task Update_list_and_delete_follow_the_campaign()
    {
        var created = await _scope.Batch.InAppCampaigns.CreateAsync(Samples.InAppCampaign());
        await _scope.Batch.InAppCampaigns.UpdateAsync(created.CampaignToken, new InAppCampaignUpdateRequest { Name = "Updated Test Campaign Name", Live = false });

        var listed = (await _scope.Batch.InAppCampaigns.ListAsync()).Single();
        listed.Name.ShouldBe("Updated Test Campaign Name");
        listed.Live.ShouldBe(false);

        await _scope.Batch.InAppCampaigns.DeleteAsync(created.CampaignToken);
        (await _scope.Batch.InAppCampaigns.ListAsync()).ShouldBeEmpty();
        (await Should.ThrowAsync<BatchApiException>(() => _scope.Batch.InAppCampaigns.GetAsync(created.CampaignToken)))
            .Error.ShouldBe(BatchError.RouteNotFound);
    }

    [Fact]
    public async Task Push_and_in_app_campaigns_are_kept_apart()
    {
        var created = await _scope.Batch.InAppCampaigns.CreateAsync(Samples.InAppCampaign());

        (await Should.ThrowAsync<BatchApiException>(() => _scope.Batch.PushCampaigns.GetAsync(created.CampaignToken)))
            .Error.ShouldBe(BatchError.RouteNotFound);
    }
}
