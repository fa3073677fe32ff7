namespace Batch.Sdk.Bulk;

/// <summary>
/// Batch's published per-call caps and rate limits, in their own units: the one definition the bulk sender's defaults
/// (<see cref="BatchBulkOptions"/>) and the fake server's quotas are built from. Sources: doc.batch.com, pages
/// "Profiles" (choosing the right endpoint), "Mass update profile", "Catalogs" (rate limiting), audiences and custom
/// audiences update and replace.
/// </summary>
public static class BatchDocumentedQuotas
{
    /// <summary><c>POST /2.8/profiles/update</c>: profiles per call.</summary>
    public const int ProfilesUpdateCap = 200;

    /// <summary><c>POST /2.8/profiles/update</c>: profile updates (Custom IDs) per second.</summary>
    public const double ProfilesUpdatePerSecond = 300;

    /// <summary><c>POST /2.8/profiles/update</c>: burst, in profile updates.</summary>
    public const int ProfilesUpdateBurst = 1_000;

    /// <summary><c>POST /2.8/profiles/mass-update</c>: profiles per call.</summary>
    public const int ProfilesMassUpdateCap = 10_000;

    /// <summary><c>POST /2.8/profiles/mass-update</c>: profile updates per second.</summary>
    public const double ProfilesMassUpdatePerSecond = 10_000;

    /// <summary><c>POST /2.8/profiles/mass-update</c>: "no burst", so a bucket of one second, the least one full call needs.</summary>
    public const int ProfilesMassUpdateBurst = 10_000;

    /// <summary><c>POST /2.8/catalogs/items/edit</c>: items per call.</summary>
    public const int CatalogItemsCap = 200;

    /// <summary><c>POST /2.8/catalogs/items/edit</c>: items per second (no burst published: one second's worth).</summary>
    public const double CatalogItemsPerSecond = 1_000;

    /// <summary><c>POST /2.8/catalogs/items/edit</c>: burst, in items.</summary>
    public const int CatalogItemsBurst = 1_000;

    /// <summary>Every catalog endpoint: requests per second (no burst published: one second's worth).</summary>
    public const double CatalogRequestsPerSecond = 5;

    /// <summary>Every catalog endpoint: burst, in requests.</summary>
    public const int CatalogRequestsBurst = 5;

    /// <summary>2.8 audiences update and replace, and 1.1 custom audiences: IDs per call (no rate published).</summary>
    public const int AudienceIdsCap = 10_000;
}
