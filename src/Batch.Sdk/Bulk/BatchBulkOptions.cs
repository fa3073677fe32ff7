using System;

namespace Batch.Sdk.Bulk;

/// <summary>
/// How <see cref="BatchBulk"/> chunks, paces and parallelises bulk work. The defaults are Batch's documented limits
/// (see the README's "Bulk and rate limits" section for the sources); every value can be changed.
/// </summary>
public sealed class BatchBulkOptions
{
    /// <summary>How many chunks may be in flight at once (default 4). Memory use is bounded by this times the chunk size.</summary>
    public int MaxParallelism { get; set; } = 4;

    /// <summary>
    /// The fraction of each documented rate the built-in token buckets aim at (default 0.97). The remainder absorbs
    /// network jitter, which can bunch requests at Batch's own bucket. Not applied to a custom <see cref="BatchQuota.Limiter"/>.
    /// </summary>
    public double TargetUtilization { get; set; } = 0.97;

    /// <summary>
    /// The fraction of each documented burst the built-in token buckets hold (default 0.5), so that Batch's own bucket
    /// keeps room for requests the network delivers bunched together. A call never carries more than this either: a
    /// mass update, whose 10,000-profile cap equals its whole one-second bucket, goes 5,000 profiles a call by default
    /// (1 restores full calls, at the price of 429s whenever a call arrives a little early). Not applied to a custom
    /// <see cref="BatchQuota.Limiter"/>.
    /// </summary>
    public double BurstUtilization { get; set; } = 0.5;

    /// <summary><c>POST /2.8/profiles/update</c>: 300 profile updates per second, burst 1,000 (one update is one Custom ID).</summary>
    public BatchQuota ProfilesUpdate { get; set; } = new(BatchDocumentedQuotas.ProfilesUpdatePerSecond, BatchDocumentedQuotas.ProfilesUpdateBurst);

    /// <summary><c>POST /2.8/profiles/mass-update</c>: 10,000 profile updates per second, no burst (a bucket of one second).</summary>
    public BatchQuota ProfilesMassUpdate { get; set; } = new(BatchDocumentedQuotas.ProfilesMassUpdatePerSecond, BatchDocumentedQuotas.ProfilesMassUpdateBurst);

    /// <summary><c>POST /2.8/catalogs/items/edit</c>: 1,000 items per second.</summary>
    public BatchQuota CatalogItems { get; set; } = new(BatchDocumentedQuotas.CatalogItemsPerSecond, BatchDocumentedQuotas.CatalogItemsBurst);

    /// <summary>Every catalog endpoint: 5 requests per second.</summary>
    public BatchQuota CatalogRequests { get; set; } = new(BatchDocumentedQuotas.CatalogRequestsPerSecond, BatchDocumentedQuotas.CatalogRequestsBurst);

    /// <summary>2.8 audiences update and replace, in IDs: no published rate, so unpaced by default.</summary>
    public BatchQuota Audiences { get; set; } = BatchQuota.Unpaced();

    /// <summary>1.1 custom audiences, in IDs: no published rate, so unpaced by default.</summary>
    public BatchQuota CustomAudiences { get; set; } = BatchQuota.Unpaced();

    /// <summary>The clock for pauses and slow-downs; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (MaxParallelism < 1)
            throw new ArgumentException($"{nameof(MaxParallelism)} must be at least 1.");
        if (double.IsNaN(TargetUtilization) || TargetUtilization <= 0 || TargetUtilization > 1)
            throw new ArgumentException($"{nameof(TargetUtilization)} must be more than 0 and at most 1.");
        if (double.IsNaN(BurstUtilization) || BurstUtilization <= 0 || BurstUtilization > 1)
            throw new ArgumentException($"{nameof(BurstUtilization)} must be more than 0 and at most 1.");
        if (TimeProvider is null)
            throw new ArgumentException($"{nameof(TimeProvider)} must be set.");
        ProfilesUpdate.Validate(nameof(ProfilesUpdate));
        ProfilesMassUpdate.Validate(nameof(ProfilesMassUpdate));
        CatalogItems.Validate(nameof(CatalogItems));
        CatalogRequests.Validate(nameof(CatalogRequests));
        Audiences.Validate(nameof(Audiences));
        CustomAudiences.Validate(nameof(CustomAudiences));
    }
}
