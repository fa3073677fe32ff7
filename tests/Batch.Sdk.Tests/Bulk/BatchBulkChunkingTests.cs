using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.Bulk;

namespace Batch.Sdk.Tests.Bulk;

public sealed class BatchBulkChunkingTests
{
    private readonly StubBatch _stub = new();

    public BatchBulkChunkingTests()
    {
        foreach (var method in new[] { "Profiles.UpdateAsync", "Profiles.MassUpdateAsync", "Audiences.UpdateAsync", "Audiences.ReplaceAsync", "Catalogs.EditItemsAsync", "CustomAudiences.UpdateAsync", "CustomAudiences.ReplaceAsync" })
            _stub.On(method, BulkItems.Completed);
    }

    /// <summary>Chunking alone: no pacing, so that 10,001 items need no waiting.</summary>
    private BatchBulk Bulk() => new(_stub.Client, new BatchBulkOptions
    {
        ProfilesUpdate = BatchQuota.Unpaced(),
        ProfilesMassUpdate = BatchQuota.Unpaced(),
        CatalogItems = BatchQuota.Unpaced(),
        CatalogRequests = BatchQuota.Unpaced(),
    });

    [Theory]
    [InlineData(199, new[] { 199 })]
    [InlineData(200, new[] { 200 })]
    [InlineData(201, new[] { 200, 1 })]
    [InlineData(10_001, new[] { 200 })]
    public async Task Profile_updates_are_sent_200_a_call_in_input_order(int count, int[] firstSizes)
    {
        var input = BulkItems.Profiles(count);
        var result = await Bulk().UpdateProfilesAsync(input);

        var chunks = _stub.Chunks<ProfileUpdate>("Profiles.UpdateAsync");
        chunks.Select(chunk => chunk.Count).Take(firstSizes.Length).ShouldBe(firstSizes);
        chunks.ShouldAllBe(chunk => chunk.Count <= 200);
        chunks.Count.ShouldBe((count + 199) / 200);
        chunks.SelectMany(chunk => chunk).ToHashSet().SetEquals(input).ShouldBeTrue();
        result.Accepted.ShouldBe(count);
        result.Read.ShouldBe(count);
        result.Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData(199, new[] { 199 })]
    [InlineData(10_000, new[] { 10_000 })]
    [InlineData(10_001, new[] { 10_000, 1 })]
    public async Task Mass_updates_are_sent_10000_a_call(int count, int[] sizes)
    {
        var result = await Bulk().MassUpdateProfilesAsync(BulkItems.Profiles(count));

        _stub.Chunks<ProfileUpdate>("Profiles.MassUpdateAsync").Select(chunk => chunk.Count).ShouldBe(sizes, ignoreOrder: true);
        result.Accepted.ShouldBe(count);
    }

    [Theory]
    [InlineData(10_000, new[] { 10_000 })]
    [InlineData(10_001, new[] { 10_000, 1 })]
    public async Task Audience_updates_are_sent_10000_ids_a_call(int count, int[] sizes)
    {
        var ids = Enumerable.Range(0, count).Select(i => new AudienceIdUpdate { Action = MembershipAction.Add, Id = $"user-{i}" });
        var result = await Bulk().UpdateAudienceAsync("vip", ids);

        _stub.Chunks<AudienceIdUpdate>("Audiences.UpdateAsync").Select(chunk => chunk.Count).ShouldBe(sizes, ignoreOrder: true);
        _stub.Calls.Select(call => ((AudienceUpdateRequest)call.Arguments[0]!).Name).ShouldAllBe(name => name == "vip");
        result.Accepted.ShouldBe(count);
    }

    [Theory]
    [InlineData(199, new[] { 199 })]
    [InlineData(200, new[] { 200 })]
    [InlineData(201, new[] { 200, 1 })]
    public async Task Catalog_edits_are_sent_200_items_a_call(int count, int[] sizes)
    {
        var items = Enumerable.Range(0, count).Select(i => new CatalogItemEdit { Id = $"sku-{i}", Action = CatalogItemAction.Add });
        var result = await Bulk().EditCatalogItemsAsync("products", items);

        _stub.Chunks<CatalogItemEdit>("Catalogs.EditItemsAsync").Select(chunk => chunk.Count).ShouldBe(sizes, ignoreOrder: true);
        result.Accepted.ShouldBe(count);
    }

    [Theory]
    [InlineData(10_000, new[] { 10_000 })]
    [InlineData(10_001, new[] { 10_000, 1 })]
    public async Task Custom_audience_updates_are_sent_10000_ids_a_call(int count, int[] sizes)
    {
        var ids = Enumerable.Range(0, count).Select(i => new CustomAudienceIdUpdate { Action = MembershipAction.Add, Id = $"install-{i}" });
        var result = await Bulk().UpdateCustomAudienceAsync("testers", ids);

        _stub.Calls.Select(call => ((CustomAudienceUpdateRequest)call.Arguments[1]!).Ids.Count).ShouldBe(sizes, ignoreOrder: true);
        result.Accepted.ShouldBe(count);
    }

    [Fact]
    public async Task A_replace_of_10000_ids_is_one_replace_call()
    {
        var members = Enumerable.Range(0, 10_000).Select(i => new AudienceMember { Id = $"user-{i}" });
        var result = await Bulk().ReplaceAudienceAsync("vip", members);

        _stub.Calls.Select(call => call.Method).ShouldBe(["Audiences.ReplaceAsync"]);
        result.Accepted.ShouldBe(10_000);
    }

    [Fact]
    public async Task A_replace_of_more_than_10000_ids_replaces_with_the_first_10000_then_adds_the_rest_with_updates()
    {
        var members = Enumerable.Range(0, 25_001).Select(i => new AudienceMember
        {
            Id = $"user-{i}",
            Attributes = new Dictionary<string, object> { ["tier"] = "gold" },
        }).ToList();
        var result = await Bulk().ReplaceAudienceAsync("vip", members);

        // A second replace would wipe the first call's members: the documented way on is update calls that add.
        var calls = _stub.Calls.ToList();
        calls[0].Method.ShouldBe("Audiences.ReplaceAsync");
        ((AudienceReplaceRequest)calls[0].Arguments[0]!).Ids.Select(id => id.Id).ShouldBe(members.Take(10_000).Select(m => m.Id));
        calls.Skip(1).ShouldAllBe(call => call.Method == "Audiences.UpdateAsync");
        var added = calls.Skip(1).SelectMany(call => ((AudienceUpdateRequest)call.Arguments[0]!).Ids).ToList();
        added.Count.ShouldBe(15_001);
        added.ShouldAllBe(id => id.Action == MembershipAction.Add && (string)id.Attributes!["tier"] == "gold");
        added.Select(id => id.Id).ToHashSet().SetEquals(members.Skip(10_000).Select(m => m.Id)).ShouldBeTrue();
        result.Accepted.ShouldBe(25_001);
    }

    [Fact]
    public async Task A_custom_audience_replace_of_more_than_10000_ids_puts_the_first_10000_then_patches_in_the_rest()
    {
        var members = Enumerable.Range(0, 10_001).Select(i => new CustomAudienceMember { Id = $"install-{i}", Tags = ["beta"] });
        var result = await Bulk().ReplaceCustomAudienceAsync("testers", members);

        var calls = _stub.Calls.ToList();
        calls.Select(call => call.Method).ShouldBe(["CustomAudiences.ReplaceAsync", "CustomAudiences.UpdateAsync"]);
        ((CustomAudienceReplaceRequest)calls[0].Arguments[1]!).Ids.Count.ShouldBe(10_000);
        var added = ((CustomAudienceUpdateRequest)calls[1].Arguments[1]!).Ids.ShouldHaveSingleItem();
        added.Id.ShouldBe("install-10000");
        added.Action.ShouldBe(MembershipAction.Add);
        added.Tags.ShouldBe(["beta"]);
        result.Accepted.ShouldBe(10_001);
    }

    [Fact]
    public async Task A_chunk_never_exceeds_the_paced_share_of_the_burst()
    {
        // Half of a 300 burst (BurstUtilization) is less than the 200 cap.
        var bulk = new BatchBulk(_stub.Client, new BatchBulkOptions { ProfilesUpdate = new BatchQuota(100_000, 300) });
        await bulk.UpdateProfilesAsync(BulkItems.Profiles(301));

        _stub.Chunks<ProfileUpdate>("Profiles.UpdateAsync").Select(chunk => chunk.Count).ShouldBe([150, 150, 1], ignoreOrder: true);
    }

    [Fact]
    public async Task Mass_updates_paced_at_the_documented_quota_go_5000_a_call()
    {
        var bulk = new BatchBulk(_stub.Client, new BatchBulkOptions { ProfilesMassUpdate = new BatchQuota(1_000_000, 10_000) });
        await bulk.MassUpdateProfilesAsync(BulkItems.Profiles(10_001));

        _stub.Chunks<ProfileUpdate>("Profiles.MassUpdateAsync").Select(chunk => chunk.Count).ShouldBe([5_000, 5_000, 1], ignoreOrder: true);
    }
}
