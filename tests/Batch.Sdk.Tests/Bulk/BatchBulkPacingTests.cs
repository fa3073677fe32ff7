using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.Bulk;
using Batch.Sdk.Testing;

namespace Batch.Sdk.Tests.Bulk;

/// <summary>
/// The bulk sender against the fake Batch enforcing its quotas: a paced run is never refused. Rates are scaled up
/// (bursts kept where a full call needs them) so that each run takes a second or two.
/// </summary>
public sealed class BatchBulkPacingTests
{
    [Fact]
    public async Task Profile_updates_paced_to_the_quota_are_never_refused()
    {
        var quota = new BatchFakeQuota(3_000, 1_000);
        await using var fake = BatchFakeServer.Start(new BatchFakeServerOptions { Quotas = new BatchFakeQuotas { ProfilesUpdate = quota } });
        using var batch = new BatchClient(fake.Options);
        using var bulk = new BatchBulk(batch, new BatchBulkOptions { ProfilesUpdate = new BatchQuota(quota.PerSecond, quota.Burst), MaxParallelism = 8 });

        // 1,000 go at once (the burst), the other 5,000 at the rate.
        var result = await bulk.UpdateProfilesAsync(BulkItems.Profiles(6_000));

        var usage = fake.GetQuotaUsage(BatchFakeQuotaKind.ProfilesUpdate);
        usage.RefusedRequests.ShouldBe(0);
        usage.AcceptedPermits.ShouldBe(6_000);
        result.Throttled.ShouldBe(0);
        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task The_same_updates_sent_all_at_once_are_refused_beyond_the_burst()
    {
        // The control for the test above: the fake does refuse what pacing avoids.
        await using var fake = BatchFakeServer.Start(new BatchFakeServerOptions { Quotas = new BatchFakeQuotas { ProfilesUpdate = new BatchFakeQuota(3_000, 1_000) } });
        var options = fake.Options;
        options.Retry.Enabled = false;
        using var batch = new BatchClient(options);

        var calls = Enumerable.Range(0, 30).Select(i => batch.Profiles.UpdateAsync(BulkItems.Profiles(200, $"user-{i}-")));
        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                await call;
                return 200;
            }
            catch (BatchApiException error) when (error.IsRateLimited)
            {
                return 429;
            }
        }));

        outcomes.Count(status => status == 429).ShouldBeGreaterThan(0);
        fake.GetQuotaUsage(BatchFakeQuotaKind.ProfilesUpdate).RefusedRequests.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Mass_updates_paced_to_the_quota_are_never_refused()
    {
        // The documented rate and bucket (no burst: one second). Calls of 5,000, half the bucket, leave room for jitter.
        var quota = new BatchFakeQuota(10_000, 10_000);
        await using var fake = BatchFakeServer.Start(new BatchFakeServerOptions { Quotas = new BatchFakeQuotas { ProfilesMassUpdate = quota } });
        using var batch = new BatchClient(fake.Options);
        using var bulk = new BatchBulk(batch, new BatchBulkOptions { ProfilesMassUpdate = new BatchQuota(quota.PerSecond, quota.Burst) });

        var result = await bulk.MassUpdateProfilesAsync(BulkItems.Profiles(30_001));

        var usage = fake.GetQuotaUsage(BatchFakeQuotaKind.ProfilesMassUpdate);
        usage.RefusedRequests.ShouldBe(0);
        usage.AcceptedRequests.ShouldBe(7);
        result.Accepted.ShouldBe(30_001);
    }

    [Fact]
    public async Task Catalog_edits_at_the_documented_quotas_are_never_refused()
    {
        // Documented as is: 1,000 items and 5 requests a second. 1,400 items take a bit over a second.
        await using var fake = BatchFakeServer.Start(new BatchFakeServerOptions { Quotas = new BatchFakeQuotas() });
        using var batch = new BatchClient(fake.Options);
        using var bulk = new BatchBulk(batch);
        var items = Enumerable.Range(0, 1_400).Select(i => new CatalogItemEdit
        {
            Id = $"sku-{i}",
            Action = CatalogItemAction.Add,
            Attributes = new System.Collections.Generic.Dictionary<string, object> { ["price"] = 10 },
        });

        var result = await bulk.EditCatalogItemsAsync("products", items);

        fake.GetQuotaUsage(BatchFakeQuotaKind.CatalogItems).RefusedRequests.ShouldBe(0);
        fake.GetQuotaUsage(BatchFakeQuotaKind.CatalogRequests).RefusedRequests.ShouldBe(0);
        fake.GetQuotaUsage(BatchFakeQuotaKind.CatalogItems).AcceptedPermits.ShouldBe(1_400);
        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Concurrent_runs_on_one_bulk_sender_share_its_quota()
    {
        var quota = new BatchFakeQuota(3_000, 1_000);
        await using var fake = BatchFakeServer.Start(new BatchFakeServerOptions { Quotas = new BatchFakeQuotas { ProfilesUpdate = quota } });
        using var batch = new BatchClient(fake.Options);
        using var bulk = new BatchBulk(batch, new BatchBulkOptions { ProfilesUpdate = new BatchQuota(quota.PerSecond, quota.Burst) });

        var results = await Task.WhenAll(
            bulk.UpdateProfilesAsync(BulkItems.Profiles(3_000, "a-")),
            bulk.UpdateProfilesAsync(BulkItems.Profiles(3_000, "b-")));

        fake.GetQuotaUsage(BatchFakeQuotaKind.ProfilesUpdate).RefusedRequests.ShouldBe(0);
        results.Sum(result => result.Accepted).ShouldBe(6_000);
    }
}
