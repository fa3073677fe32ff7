using System;
using Batch.Sdk.Bulk;

namespace Batch.Sdk.Testing;

/// <summary>The rate limits a <see cref="BatchFakeServer"/> can enforce, one per documented quota.</summary>
public enum BatchFakeQuotaKind
{
    /// <summary><c>POST /2.8/profiles/update</c>, in profile updates (one per item of the body).</summary>
    ProfilesUpdate,

    /// <summary><c>POST /2.8/profiles/mass-update</c>, in profile updates.</summary>
    ProfilesMassUpdate,

    /// <summary><c>POST /2.8/catalogs/items/edit</c>, in items.</summary>
    CatalogItems,

    /// <summary>Every 2.8 catalog endpoint, in requests.</summary>
    CatalogRequests,
}

/// <summary>One token bucket: <see cref="PerSecond"/> permits a second, at most <see cref="Burst"/> at once.</summary>
public sealed class BatchFakeQuota
{
    /// <summary>Creates a quota.</summary>
    /// <param name="perSecond">Permits added each second.</param>
    /// <param name="burst">The bucket's size (it starts full).</param>
    public BatchFakeQuota(double perSecond, int burst)
    {
        PerSecond = perSecond;
        Burst = burst;
    }

    /// <summary>Permits added each second, continuously.</summary>
    public double PerSecond { get; set; }

    /// <summary>The bucket's size; a request costing more is always refused.</summary>
    public int Burst { get; set; }
}

/// <summary>
/// The documented Batch quotas (<see cref="BatchDocumentedQuotas"/>) a <see cref="BatchFakeServer"/> enforces when
/// <see cref="BatchFakeServerOptions.Quotas"/> is set: per project key and per quota, a request that would overdraw a
/// bucket is answered TOO_MANY_REQUESTS (429) in Batch's 2.x error shape, with <c>Retry-After</c> (whole seconds, at
/// least 1) saying when it would fit. A quota set to null is not enforced. Scale the rates down (or up) so that tests
/// run in seconds.
/// </summary>
public sealed class BatchFakeQuotas
{
    /// <summary>300 profile updates per second, burst 1,000.</summary>
    public BatchFakeQuota? ProfilesUpdate { get; set; } = new(BatchDocumentedQuotas.ProfilesUpdatePerSecond, BatchDocumentedQuotas.ProfilesUpdateBurst);

    /// <summary>10,000 profile updates per second, no burst beyond one second's worth (one full call).</summary>
    public BatchFakeQuota? ProfilesMassUpdate { get; set; } = new(BatchDocumentedQuotas.ProfilesMassUpdatePerSecond, BatchDocumentedQuotas.ProfilesMassUpdateBurst);

    /// <summary>1,000 catalog items per second.</summary>
    public BatchFakeQuota? CatalogItems { get; set; } = new(BatchDocumentedQuotas.CatalogItemsPerSecond, BatchDocumentedQuotas.CatalogItemsBurst);

    /// <summary>5 requests per second on every catalog endpoint.</summary>
    public BatchFakeQuota? CatalogRequests { get; set; } = new(BatchDocumentedQuotas.CatalogRequestsPerSecond, BatchDocumentedQuotas.CatalogRequestsBurst);

    /// <summary>The clock the buckets refill by; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The quota of one kind, or null when it is not enforced.</summary>
    /// <param name="kind">The quota.</param>
    /// <returns>The quota's settings.</returns>
    public BatchFakeQuota? Get(BatchFakeQuotaKind kind) => kind switch
    {
        BatchFakeQuotaKind.ProfilesUpdate => ProfilesUpdate,
        BatchFakeQuotaKind.ProfilesMassUpdate => ProfilesMassUpdate,
        BatchFakeQuotaKind.CatalogItems => CatalogItems,
        BatchFakeQuotaKind.CatalogRequests => CatalogRequests,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal void Validate()
    {
        if (TimeProvider is null)
            throw new ArgumentException($"{nameof(BatchFakeQuotas)}.{nameof(TimeProvider)} must be set.");
        foreach (BatchFakeQuotaKind kind in Enum.GetValues(typeof(BatchFakeQuotaKind)))
        {
            if (Get(kind) is { } quota && (!(quota.PerSecond > 0) || quota.Burst < 1))
                throw new ArgumentException($"The fake's {kind} quota needs a positive rate and a burst of at least 1.");
        }
    }
}

/// <summary>What one quota of a <see cref="BatchFakeServer"/> let through and refused, over every project.</summary>
public sealed class BatchFakeQuotaUsage
{
    internal BatchFakeQuotaUsage(long acceptedPermits, int acceptedRequests, int refusedRequests, DateTimeOffset? firstAccepted, DateTimeOffset? lastAccepted, DateTimeOffset? firstRefused, DateTimeOffset? lastRefused)
    {
        AcceptedPermits = acceptedPermits;
        AcceptedRequests = acceptedRequests;
        RefusedRequests = refusedRequests;
        FirstAccepted = firstAccepted;
        LastAccepted = lastAccepted;
        FirstRefused = firstRefused;
        LastRefused = lastRefused;
    }

    /// <summary>Permits spent by accepted requests (profiles, items or requests).</summary>
    public long AcceptedPermits { get; }

    /// <summary>Requests the quota let through.</summary>
    public int AcceptedRequests { get; }

    /// <summary>Requests answered 429 by this quota.</summary>
    public int RefusedRequests { get; }

    /// <summary>When the first accepted request arrived, by the quotas' clock.</summary>
    public DateTimeOffset? FirstAccepted { get; }

    /// <summary>When the last accepted request arrived.</summary>
    public DateTimeOffset? LastAccepted { get; }

    /// <summary>When the first refused request arrived.</summary>
    public DateTimeOffset? FirstRefused { get; }

    /// <summary>When the last refused request arrived.</summary>
    public DateTimeOffset? LastRefused { get; }

    /// <inheritdoc />
    public override string ToString() => $"{AcceptedPermits:N0} permits in {AcceptedRequests:N0} requests accepted, {RefusedRequests:N0} refused";
}
