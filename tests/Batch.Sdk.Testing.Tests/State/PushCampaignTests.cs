using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Batch.Sdk.Testing.Tests.State;

public sealed class PushCampaignTests : IDisposable
{
    private readonly FakeScope _scope = new();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task Create_returns_a_new_32_hex_campaign_token_on_201()
    {
        var created = await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign());

        created.CampaignToken.ShouldMatch("^[0-9a-f]{32}$");
        _scope.Fake.Requests.Single().StatusCode.ShouldBe(201);
    }

    [Fact]
    public async Task View_returns_the_created_parameters_plus_the_four_documented_fields()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var created = await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign());

        var campaign = await _scope.Batch.PushCampaigns.GetAsync(created.CampaignToken);

        campaign.CampaignToken.ShouldBe(created.CampaignToken);
        campaign.FromApi.ShouldBeTrue();
        campaign.DevOnly.ShouldBeFalse();
        campaign.CreatedDate.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$");
        DateTime.Parse(campaign.CreatedDate, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(before.AddSeconds(-1));
        campaign.Name.ShouldBe("Test Campaign");
        campaign.PushTime.ShouldBe("now");
        campaign.Messages.Single().Body.ShouldBe("Hello!");
    }

    [Fact]
    public async Task Update_merges_the_parameters_into_the_campaign()
    {
        var created = await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign());

        await _scope.Batch.PushCampaigns.UpdateAsync(created.CampaignToken, new PushCampaignUpdateRequest { Name = "Updated Test Campaign Name", Live = true });

        var campaign = await _scope.Batch.PushCampaigns.GetAsync(created.CampaignToken);
        campaign.Name.ShouldBe("Updated Test Campaign Name");
        campaign.Messages.Single().Body.ShouldBe("Hello!");
    }

    [Fact]
    public async Task A_parameter_added_by_an_update_cannot_be_removed_by_a_later_update()
    {
        var created = await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign());
        await _scope.Batch.PushCampaigns.UpdateAsync(created.CampaignToken, new PushCampaignUpdateRequest { Labels = ["promo"] });

        var exception = await Should.ThrowAsync<BatchApiException>(() =>
            _scope.Batch.PushCampaigns.UpdateAsync(created.CampaignToken, new PushCampaignUpdateRequest { Name = "Without labels" }));

        exception.StatusCode.ShouldBe(400);
        exception.Error.ShouldBe(BatchError.MalformedParameter);
        exception.ErrorCode.ShouldBe(31);
        exception.ServerMessage.ShouldBe("Malformed parameter: labels was added by an update and cannot be removed.");
        (await _scope.Batch.PushCampaigns.GetAsync(created.CampaignToken)).Name.ShouldBe("Test Campaign");
    }

    [Fact]
    public async Task A_parameter_added_by_an_update_may_be_sent_again_with_a_new_value()
    {
        var created = await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign());
        await _scope.Batch.PushCampaigns.UpdateAsync(created.CampaignToken, new PushCampaignUpdateRequest { Labels = ["promo"] });

        await _scope.Batch.PushCampaigns.UpdateAsync(created.CampaignToken, new PushCampaignUpdateRequest { Labels = ["sales"] });

        (await _scope.Batch.PushCampaigns.GetAsync(created.CampaignToken)).Labels.ShouldBe(["sales"]);
    }

    [Fact]
    public async Task A_complete_campaign_cannot_be_set_live_again()
    {
        var created = await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign()); // live, sent "now": complete
        await _scope.Batch.PushCampaigns.UpdateAsync(created.CampaignToken, new PushCampaignUpdateRequest { Live = false });

        var exception = await Should.ThrowAsync<BatchApiException>(() =>
            _scope.Batch.PushCampaigns.UpdateAsync(created.CampaignToken, new PushCampaignUpdateRequest { Live = true }));

        exception.Error.ShouldBe(BatchError.MalformedParameter);
        exception.ServerMessage!.ShouldContain("cannot be set live again");
    }

    [Fact]
    public async Task A_draft_can_be_set_live()
    {
        var draft = Samples.PushCampaign();
        draft.Live = false;
        var created = await _scope.Batch.PushCampaigns.CreateAsync(draft);

        await _scope.Batch.PushCampaigns.UpdateAsync(created.CampaignToken, new PushCampaignUpdateRequest { Live = true });

        (await _scope.Batch.PushCampaigns.GetAsync(created.CampaignToken)).Live.ShouldBeTrue();
    }

    [Fact]
    public async Task A_recurring_campaign_cannot_go_back_to_one_time()
    {
        var recurring = Samples.PushCampaign();
        recurring.Recurrence = Samples.Recurrence();
        var created = await _scope.Batch.PushCampaigns.CreateAsync(recurring);

        var exception = await Should.ThrowAsync<BatchApiException>(() =>
            _scope.Batch.PushCampaigns.UpdateAsync(created.CampaignToken, new PushCampaignUpdateRequest { PushTime = "2030-01-01T10:00:00" }));

        exception.Error.ShouldBe(BatchError.MalformedParameter);
        exception.ServerMessage!.ShouldContain("cannot go back to a one-time campaign");
    }

    [Fact]
    public async Task A_recurring_campaign_can_be_rescheduled_with_its_recurrence()
    {
        var recurring = Samples.PushCampaign();
        recurring.Recurrence = Samples.Recurrence();
        var created = await _scope.Batch.PushCampaigns.CreateAsync(recurring);

        await _scope.Batch.PushCampaigns.UpdateAsync(created.CampaignToken,
            new PushCampaignUpdateRequest { PushTime = "2030-01-01T10:00:00", Recurrence = Samples.Recurrence() });

        (await _scope.Batch.PushCampaigns.GetAsync(created.CampaignToken)).PushTime.ShouldBe("2030-01-01T10:00:00");
    }

    [Fact]
    public async Task List_returns_the_newest_first_with_from_and_limit()
    {
        foreach (var name in new[] { "First", "Second", "Third" })
            await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign(name));

        var page = await _scope.Batch.PushCampaigns.ListAsync(from: 1, limit: 1);
        var all = await _scope.Batch.PushCampaigns.ListAsync();

        page.Single().Name.ShouldBe("Second");
        all.Select(campaign => campaign.Name).ShouldBe(["Third", "Second", "First"]);
        all.ShouldAllBe(campaign => campaign.FromApi == true && campaign.CampaignToken!.Length == 32);
    }

    [Fact]
    public async Task List_filters_on_live()
    {
        var draft = Samples.PushCampaign("Draft");
        draft.Live = false;
        await _scope.Batch.PushCampaigns.CreateAsync(draft);
        await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign("Live"));

        var drafts = await _scope.Batch.PushCampaigns.ListAsync(live: false);

        drafts.Single().Name.ShouldBe("Draft");
    }

    [Fact]
    public async Task Campaigns_belong_to_the_app_whose_key_created_them()
    {
        var android = _scope.Batch.ForApp(_scope.Fake.AndroidAppApiKey);
        var created = await android.PushCampaigns.CreateAsync(Samples.PushCampaign());

        (await _scope.Batch.PushCampaigns.ListAsync()).ShouldBeEmpty();
        (await android.PushCampaigns.ListAsync()).Single().CampaignToken.ShouldBe(created.CampaignToken);
        var exception = await Should.ThrowAsync<BatchApiException>(() => _scope.Batch.PushCampaigns.GetAsync(created.CampaignToken));
        exception.Error.ShouldBe(BatchError.RouteNotFound);
    }

    [Fact]
    public async Task A_deleted_campaign_answers_ROUTE_NOT_FOUND_404_20()
    {
        var created = await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign());

        await _scope.Batch.PushCampaigns.DeleteAsync(created.CampaignToken);

        var view = await Should.ThrowAsync<BatchApiException>(() => _scope.Batch.PushCampaigns.GetAsync(created.CampaignToken));
        view.StatusCode.ShouldBe(404);
        view.Error.ShouldBe(BatchError.RouteNotFound);
        view.ErrorCode.ShouldBe(20);
        var update = await Should.ThrowAsync<BatchApiException>(() =>
            _scope.Batch.PushCampaigns.UpdateAsync(created.CampaignToken, new PushCampaignUpdateRequest { Live = false }));
        update.Error.ShouldBe(BatchError.RouteNotFound);
        var delete = await Should.ThrowAsync<BatchApiException>(() => _scope.Batch.PushCampaigns.DeleteAsync(created.CampaignToken));
        delete.Error.ShouldBe(BatchError.RouteNotFound);
    }

    [Fact]
    public async Task Fifty_parallel_creates_get_fifty_distinct_tokens()
    {
        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
            (await _scope.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign($"Campaign {i}"))).CampaignToken));

        tokens.Distinct().Count().ShouldBe(50);
        _scope.Fake.State.PushCampaigns(_scope.Fake.IosAppApiKey).Count.ShouldBe(50);
        (await _scope.Batch.PushCampaigns.ListAsync(limit: 100)).Count.ShouldBe(50);
    }

    [Fact]
    public async Task Stats_answer_the_documented_example_for_a_token()
    {
        var response = await _scope.SendAppAsync(HttpMethod.Get, "campaigns/stats/a0082dc6860938a26280bd3ba927303b");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FakeScope.ReadJsonAsync(response))["detail"]![0]!["sent"]!.ToObject<int>().ShouldBe(754);
    }
}
