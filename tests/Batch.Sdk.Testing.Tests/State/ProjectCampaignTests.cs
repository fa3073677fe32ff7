using System;
using System.Linq;
using System.Threading.Tasks;

namespace Batch.Sdk.Testing.Tests.State;

public sealed class ProjectCampaignTests : IDisposable
{
    private readonly FakeScope _scope = new();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task Create_returns_an_orchestration_id_and_stores_the_campaign()
    {
        var created = await _scope.Batch.Campaigns.CreateAsync(Samples.EmailCampaign());

        created.Id.ShouldStartWith("orchestration_");
        _scope.Fake.State.ProjectCampaigns()[created.Id]["name"]!.ToString().ShouldBe("The campaign name");
    }

    [Fact]
    public async Task Update_replaces_the_campaign_as_a_whole()
    {
        var created = await _scope.Batch.Campaigns.CreateAsync(Samples.EmailCampaign());

        await _scope.Batch.Campaigns.UpdateAsync(new CampaignUpdateRequest { Id = created.Id, Campaign = Samples.EmailCampaign("Renamed") });

        _scope.Fake.State.ProjectCampaigns()[created.Id]["name"]!.ToString().ShouldBe("Renamed");
    }

    [Fact]
    public async Task Update_and_delete_of_an_unknown_id_answer_ROUTE_NOT_FOUND()
    {
        var update = await Should.ThrowAsync<BatchApiException>(() =>
            _scope.Batch.Campaigns.UpdateAsync(new CampaignUpdateRequest { Id = "orchestration_unknown", Campaign = Samples.EmailCampaign() }));
        var delete = await Should.ThrowAsync<BatchApiException>(() =>
            _scope.Batch.Campaigns.DeleteAsync(new CampaignDeleteRequest { Id = "orchestration_unknown" }));

        update.StatusCode.ShouldBe(404);
        update.Error.ShouldBe(BatchError.RouteNotFound);
        update.ErrorCode.ShouldBe(20);
        delete.Error.ShouldBe(BatchError.RouteNotFound);
    }

    [Fact]
    public async Task Delete_removes_the_campaign()
    {
        var created = await _scope.Batch.Campaigns.CreateAsync(Samples.EmailCampaign());

        await _scope.Batch.Campaigns.DeleteAsync(new CampaignDeleteRequest { Id = created.Id });

        _scope.Fake.State.ProjectCampaigns().ShouldBeEmpty();
    }

    [Fact]
    public async Task Parallel_creates_get_distinct_ids()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            (await _scope.Batch.Campaigns.CreateAsync(Samples.EmailCampaign($"Campaign {i}"))).Id));

        ids.Distinct().Count().ShouldBe(20);
    }
}
