using System;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.Validation;

namespace Batch.Sdk.Tests.Validation;

public sealed class RequestValidationTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_name_shorter_than_3_characters_is_refused_before_sending()
    {
        var campaign = Samples.PushCampaign();
        campaign.Name = "Hi";
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<BatchValidationException>(() => batch.PushCampaigns.CreateAsync(campaign));

        error.Problems.ShouldBe(["PushCampaignCreateRequest.Name ('name') must be at least 3 characters long."]);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task More_than_3_labels_on_a_1_1_campaign_are_refused_before_sending()
    {
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<BatchValidationException>(() =>
            batch.InAppCampaigns.UpdateAsync("70448bafec76439d534ec98ea7ab712c", new InAppCampaignUpdateRequest { Labels = ["a", "b", "c", "d"] }));

        error.Problems.ShouldBe(["InAppCampaignUpdateRequest.Labels ('labels') must have at most 3 items."]);
        _server.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(999)]
    [InlineData(1_000_001)]
    public async Task A_send_rate_outside_1000_to_1000000_is_refused_before_sending(int sendRate)
    {
        var campaign = Samples.EmailCampaign();
        campaign.SendRate = sendRate;
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<BatchValidationException>(() => batch.Campaigns.CreateAsync(campaign));

        error.Problems.ShouldBe(["CampaignCreateRequest.SendRate ('send_rate') must be between 1000 and 1000000."]);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Six_labels_on_a_2_8_campaign_are_refused_before_sending()
    {
        var campaign = Samples.EmailCampaign();
        campaign.Labels = ["1", "2", "3", "4", "5", "6"];
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<BatchValidationException>(() => batch.Campaigns.CreateAsync(campaign));

        error.Problems.ShouldBe(["CampaignCreateRequest.Labels ('labels') must have at most 5 items."]);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_start_time_is_sent_as_given_because_the_pages_define_no_grammar_for_it()
    {
        // The documentation shows `now` and RFC 3339 examples but no rule, so the SDK leaves the judgement to Batch.
        _server.Server.Given(WireMock.RequestBuilders.Request.Create().UsingPost())
            .RespondWith(LoopbackServer.Json(200, """{"id":"orchestration_1"}"""));
        var campaign = Samples.EmailCampaign();
        campaign.When.StartTime = "2024-01-24T10:22Z";
        using var batch = _server.CreateClient();

        await batch.Campaigns.CreateAsync(campaign);

        _server.Requests.Single().RequestMessage!.Body!.ShouldContain("\"start_time\":\"2024-01-24T10:22Z\"");
    }

    [Fact]
    public async Task A_state_left_unset_is_refused_rather_than_sent_as_a_default()
    {
        var campaign = Samples.EmailCampaign();
        campaign.State = default;
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<BatchValidationException>(() => batch.Campaigns.CreateAsync(campaign));

        error.Problems.ShouldBe(["CampaignCreateRequest.State ('state') is Unknown: set one of the documented values."]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_campaign_id_is_refused_before_sending(string id)
    {
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<BatchValidationException>(() => batch.Campaigns.DeleteAsync(new CampaignDeleteRequest { Id = id }));

        error.Problems.ShouldBe(["CampaignDeleteRequest.Id ('id') is required."]);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_transactional_group_id_with_spaces_is_refused_before_sending()
    {
        using var batch = _server.CreateClient();
        var request = new TransactionalSendRequest
        {
            GroupId = "order shipped",
            Recipients = new TransactionalRecipients { CustomIds = ["user-1"] },
            Message = new TransactionalMessage { Body = "Shipped" },
        };

        var error = await Should.ThrowAsync<BatchValidationException>(() => batch.Transactional.SendAsync(request));

        error.Problems.ShouldBe(["TransactionalSendRequest.GroupId ('group_id') must match the pattern ^[a-zA-Z0-9_-]+$."]);
    }
}
