using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Bulk;

// Each operation has two overloads that differ by the input's type (a sequence, or an async stream); RS0026 guards
// against overloads that differ only by optional parameters, which these do not.
#pragma warning disable RS0026

/// <summary>
/// Sends work of any size to the Batch endpoints that have per-call caps, at Batch's documented rates: profile
/// updates and mass updates, audience updates and replacements (2.8 and 1.1), catalog item edits.
/// </summary>
/// <remarks>
/// <para>
/// Each method reads its input as a stream, cuts it into chunks of the documented cap, paces the chunks to the
/// quota in Batch's own unit (profiles, IDs, items, requests) and sends up to <see cref="BatchBulkOptions.MaxParallelism"/>
/// at once. Updates of the same identifier keep their input order: a chunk that shares an identifier with a chunk still
/// in flight waits for it, and after a failure the identifier's later updates are not sent (they fail as retryable).
/// The result says what Batch accepted, what failed and why, and what has an unknown outcome; a call whose outcome is
/// unknown is never sent again where the operation is not idempotent.
/// </para>
/// <para>
/// The pacing state belongs to this instance: create one per Batch project (for example as a singleton) and share it,
/// so that concurrent runs share the quota. To share a quota across processes, set <see cref="BatchQuota.Limiter"/>.
/// A TOO_MANY_REQUESTS answer, even one the retry policy absorbs, pauses the quota's chunks for the wait Batch asks
/// (at least 5 seconds) and halves its pace, which then recovers as chunks are accepted. Thread-safe.
/// </para>
/// </remarks>
public sealed class BatchBulk : IDisposable
{
    private readonly IBatchAppClient _app;
    private readonly IBatchClient? _project;
    private readonly BatchBulkOptions _options;
    private readonly BulkPacer _profilesUpdate;
    private readonly BulkPacer _profilesMassUpdate;
    private readonly BulkPacer _catalogItems;
    private readonly BulkPacer _catalogRequests;
    private readonly BulkPacer _audiences;
    private readonly BulkPacer _customAudiences;

    /// <summary>Creates a bulk sender for a client's 2.x project and its default app.</summary>
    /// <param name="client">The client (a <see cref="BatchClient"/>, or a mock of the interface).</param>
    /// <param name="options">Quotas and parallelism; Batch's documented limits by default. Read once, now.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public BatchBulk(IBatchClient client, BatchBulkOptions? options = null)
        : this((IBatchAppClient)client, options)
    {
        _project = client;
    }

    /// <summary>Creates a bulk sender for one app's 1.1 custom audiences (for example <c>batch.ForApp(key)</c>).</summary>
    /// <param name="app">The app client.</param>
    /// <param name="options">Quotas and parallelism; Batch's documented limits by default. Read once, now.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public BatchBulk(IBatchAppClient app, BatchBulkOptions? options = null)
    {
        _app = app ?? throw new ArgumentNullException(nameof(app));
        _project = app as IBatchClient;
        _options = options ?? new BatchBulkOptions();
        _options.Validate();
        _profilesUpdate = new BulkPacer(_options.ProfilesUpdate, BatchDocumentedQuotas.ProfilesUpdateCap, _options);
        _profilesMassUpdate = new BulkPacer(_options.ProfilesMassUpdate, BatchDocumentedQuotas.ProfilesMassUpdateCap, _options);
        _catalogItems = new BulkPacer(_options.CatalogItems, BatchDocumentedQuotas.CatalogItemsCap, _options);
        _catalogRequests = new BulkPacer(_options.CatalogRequests, 1, _options);
        _audiences = new BulkPacer(_options.Audiences, BatchDocumentedQuotas.AudienceIdsCap, _options);
        _customAudiences = new BulkPacer(_options.CustomAudiences, BatchDocumentedQuotas.AudienceIdsCap, _options);
    }

    private IBatchClient Project => _project ?? throw new InvalidOperationException(
        "This bulk sender was created for an app client; 2.x Project APIs need an IBatchClient.");

    /// <summary>Creates or updates profiles through <c>POST /2.8/profiles/update</c>, 200 a call, paced to 300 profiles a second (burst 1,000).</summary>
    /// <param name="profiles">The updates, of any number; read once, as a stream.</param>
    /// <param name="progress">Told after each call.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="BatchBulkCancelledException{T}"/>).</param>
    /// <returns>What Batch accepted, what failed and what has an unknown outcome.</returns>
    public Task<BatchBulkResult<ProfileUpdate>> UpdateProfilesAsync(IEnumerable<ProfileUpdate> profiles, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        UpdateProfilesAsync(Stream(profiles), progress, cancellationToken);

    /// <inheritdoc cref="UpdateProfilesAsync(IEnumerable{ProfileUpdate}, IProgress{BatchBulkProgress}?, CancellationToken)"/>
    public Task<BatchBulkResult<ProfileUpdate>> UpdateProfilesAsync(IAsyncEnumerable<ProfileUpdate> profiles, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var client = Project.Profiles;
        return RunAsync(profiles, progress, cancellationToken, new BulkPlan<ProfileUpdate>(
            _profilesUpdate.MaxPermits, CustomId, isIdempotent: false,
            async (chunk, _, token) => (await client.UpdateAsync(chunk, token).ConfigureAwait(false))?.Errors?.ToList<object>())
        {
            ItemPacers = [_profilesUpdate],
        });
    }

    /// <summary>
    /// Creates or updates profiles through <c>POST /2.8/profiles/mass-update</c>, paced to 10,000 profiles a second:
    /// 5,000 a call by default (the cap is 10,000, but a full call needs Batch's whole bucket, see
    /// <see cref="BatchBulkOptions.BurstUtilization"/>).
    /// </summary>
    /// <param name="profiles">The updates, of any number; read once, as a stream.</param>
    /// <param name="progress">Told after each call.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="BatchBulkCancelledException{T}"/>).</param>
    /// <returns>What Batch accepted (for asynchronous processing), what failed and what has an unknown outcome.</returns>
    public Task<BatchBulkResult<ProfileUpdate>> MassUpdateProfilesAsync(IEnumerable<ProfileUpdate> profiles, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        MassUpdateProfilesAsync(Stream(profiles), progress, cancellationToken);

    /// <inheritdoc cref="MassUpdateProfilesAsync(IEnumerable{ProfileUpdate}, IProgress{BatchBulkProgress}?, CancellationToken)"/>
    public Task<BatchBulkResult<ProfileUpdate>> MassUpdateProfilesAsync(IAsyncEnumerable<ProfileUpdate> profiles, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var client = Project.Profiles;
        return RunAsync(profiles, progress, cancellationToken, new BulkPlan<ProfileUpdate>(
            _profilesMassUpdate.MaxPermits, CustomId, isIdempotent: false,
            async (chunk, _, token) => (await client.MassUpdateAsync(chunk, token).ConfigureAwait(false))?.Errors?.ToList<object>())
        {
            ItemPacers = [_profilesMassUpdate],
        });
    }

    /// <summary>Adds or removes Custom IDs of a 2.8 audience through <c>POST /2.8/audiences/update</c>, 10,000 a call.</summary>
    /// <param name="audienceName">The audience.</param>
    /// <param name="ids">The actions, of any number; for an ID listed several times the last action wins, as in Batch.</param>
    /// <param name="progress">Told after each call.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="BatchBulkCancelledException{T}"/>).</param>
    /// <returns>What Batch accepted, what failed and what has an unknown outcome.</returns>
    public Task<BatchBulkResult<AudienceIdUpdate>> UpdateAudienceAsync(string audienceName, IEnumerable<AudienceIdUpdate> ids, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        UpdateAudienceAsync(audienceName, Stream(ids), progress, cancellationToken);

    /// <inheritdoc cref="UpdateAudienceAsync(string, IEnumerable{AudienceIdUpdate}, IProgress{BatchBulkProgress}?, CancellationToken)"/>
    public Task<BatchBulkResult<AudienceIdUpdate>> UpdateAudienceAsync(string audienceName, IAsyncEnumerable<AudienceIdUpdate> ids, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireName(audienceName, nameof(audienceName));
        var client = Project.Audiences;
        return RunAsync(ids, progress, cancellationToken, new BulkPlan<AudienceIdUpdate>(
            _audiences.MaxPermits, id => id.Id, isIdempotent: true,
            async (chunk, _, token) =>
            {
                await client.UpdateAsync(new AudienceUpdateRequest { Name = audienceName, Ids = chunk }, token).ConfigureAwait(false);
                return null;
            })
        {
            ItemPacers = [_audiences],
        });
    }

    /// <summary>
    /// Replaces the members of a 2.8 audience with <paramref name="members"/>, of any number. Batch's replace removes
    /// every member then adds the given ones, at most 10,000 a call, and documents that more are sent in further calls:
    /// as a replace would wipe the earlier calls' members, the first 10,000 go in one <c>POST /2.8/audiences/replace</c>
    /// and the rest, only once that replace is accepted, in <c>POST /2.8/audiences/update</c> calls that add them.
    /// If the replace fails, nothing else is sent.
    /// </summary>
    /// <param name="audienceName">The audience.</param>
    /// <param name="members">The new members.</param>
    /// <param name="progress">Told after each call.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="BatchBulkCancelledException{T}"/>).</param>
    /// <returns>What Batch accepted, what failed and what has an unknown outcome.</returns>
    public Task<BatchBulkResult<AudienceMember>> ReplaceAudienceAsync(string audienceName, IEnumerable<AudienceMember> members, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ReplaceAudienceAsync(audienceName, Stream(members), progress, cancellationToken);

    /// <inheritdoc cref="ReplaceAudienceAsync(string, IEnumerable{AudienceMember}, IProgress{BatchBulkProgress}?, CancellationToken)"/>
    public Task<BatchBulkResult<AudienceMember>> ReplaceAudienceAsync(string audienceName, IAsyncEnumerable<AudienceMember> members, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireName(audienceName, nameof(audienceName));
        var client = Project.Audiences;
        return RunAsync(members, progress, cancellationToken, new BulkPlan<AudienceMember>(
            _audiences.MaxPermits, member => member.Id, isIdempotent: true,
            async (chunk, index, token) =>
            {
                if (index == 0)
                    await client.ReplaceAsync(new AudienceReplaceRequest { Name = audienceName, Ids = chunk }, token).ConfigureAwait(false);
                else
                    await client.UpdateAsync(new AudienceUpdateRequest { Name = audienceName, Ids = chunk.Select(AddAction).ToList() }, token).ConfigureAwait(false);
                return null;
            })
        {
            ItemPacers = [_audiences],
            StopIfFirstChunkFails = true,
        });
    }

    /// <summary>Adds or removes installation IDs of a 1.1 custom audience (<c>PATCH /1.1/{apiKey}/custom-audience/{name}</c>), 10,000 a call.</summary>
    /// <param name="audienceName">The custom audience.</param>
    /// <param name="ids">The actions, of any number.</param>
    /// <param name="progress">Told after each call.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="BatchBulkCancelledException{T}"/>).</param>
    /// <returns>What Batch accepted, what failed and what has an unknown outcome.</returns>
    public Task<BatchBulkResult<CustomAudienceIdUpdate>> UpdateCustomAudienceAsync(string audienceName, IEnumerable<CustomAudienceIdUpdate> ids, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        UpdateCustomAudienceAsync(audienceName, Stream(ids), progress, cancellationToken);

    /// <inheritdoc cref="UpdateCustomAudienceAsync(string, IEnumerable{CustomAudienceIdUpdate}, IProgress{BatchBulkProgress}?, CancellationToken)"/>
    public Task<BatchBulkResult<CustomAudienceIdUpdate>> UpdateCustomAudienceAsync(string audienceName, IAsyncEnumerable<CustomAudienceIdUpdate> ids, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireName(audienceName, nameof(audienceName));
        var client = _app.CustomAudiences;
        return RunAsync(ids, progress, cancellationToken, new BulkPlan<CustomAudienceIdUpdate>(
            _customAudiences.MaxPermits, id => id.Id, isIdempotent: true,
            async (chunk, _, token) =>
            {
                await client.UpdateAsync(audienceName, new CustomAudienceUpdateRequest { Ids = chunk }, token).ConfigureAwait(false);
                return null;
            })
        {
            ItemPacers = [_customAudiences],
        });
    }

    /// <summary>
    /// Replaces the members of a 1.1 custom audience, of any number: the first 10,000 in one replace
    /// (<c>PUT</c>), then, once it is accepted, the rest in update calls (<c>PATCH</c>) that add them, since each
    /// replace removes the members of the previous calls. If the replace fails, nothing else is sent.
    /// </summary>
    /// <param name="audienceName">The custom audience.</param>
    /// <param name="members">The new members.</param>
    /// <param name="progress">Told after each call.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="BatchBulkCancelledException{T}"/>).</param>
    /// <returns>What Batch accepted, what failed and what has an unknown outcome.</returns>
    public Task<BatchBulkResult<CustomAudienceMember>> ReplaceCustomAudienceAsync(string audienceName, IEnumerable<CustomAudienceMember> members, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ReplaceCustomAudienceAsync(audienceName, Stream(members), progress, cancellationToken);

    /// <inheritdoc cref="ReplaceCustomAudienceAsync(string, IEnumerable{CustomAudienceMember}, IProgress{BatchBulkProgress}?, CancellationToken)"/>
    public Task<BatchBulkResult<CustomAudienceMember>> ReplaceCustomAudienceAsync(string audienceName, IAsyncEnumerable<CustomAudienceMember> members, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireName(audienceName, nameof(audienceName));
        var client = _app.CustomAudiences;
        return RunAsync(members, progress, cancellationToken, new BulkPlan<CustomAudienceMember>(
            _customAudiences.MaxPermits, member => member.Id, isIdempotent: true,
            async (chunk, index, token) =>
            {
                if (index == 0)
                    await client.ReplaceAsync(audienceName, new CustomAudienceReplaceRequest { Ids = chunk }, token).ConfigureAwait(false);
                else
                    await client.UpdateAsync(audienceName, new CustomAudienceUpdateRequest { Ids = chunk.Select(AddAction).ToList() }, token).ConfigureAwait(false);
                return null;
            })
        {
            ItemPacers = [_customAudiences],
            StopIfFirstChunkFails = true,
        });
    }

    /// <summary>Adds, updates or removes catalog items through <c>POST /2.8/catalogs/items/edit</c>, 200 a call, paced to 1,000 items and 5 requests a second.</summary>
    /// <param name="catalogName">The catalog.</param>
    /// <param name="items">The edits, of any number.</param>
    /// <param name="progress">Told after each call.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="BatchBulkCancelledException{T}"/>).</param>
    /// <returns>What Batch accepted, what failed and what has an unknown outcome.</returns>
    public Task<BatchBulkResult<CatalogItemEdit>> EditCatalogItemsAsync(string catalogName, IEnumerable<CatalogItemEdit> items, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        EditCatalogItemsAsync(catalogName, Stream(items), progress, cancellationToken);

    /// <inheritdoc cref="EditCatalogItemsAsync(string, IEnumerable{CatalogItemEdit}, IProgress{BatchBulkProgress}?, CancellationToken)"/>
    public Task<BatchBulkResult<CatalogItemEdit>> EditCatalogItemsAsync(string catalogName, IAsyncEnumerable<CatalogItemEdit> items, IProgress<BatchBulkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireName(catalogName, nameof(catalogName));
        var client = Project.Catalogs;
        return RunAsync(items, progress, cancellationToken, new BulkPlan<CatalogItemEdit>(
            _catalogItems.MaxPermits, item => item.Id, isIdempotent: false,
            async (chunk, _, token) =>
            {
                await client.EditItemsAsync(new CatalogItemsEditRequest { Name = catalogName, Items = chunk }, token).ConfigureAwait(false);
                return null;
            })
        {
            ItemPacers = [_catalogItems],
            RequestPacers = [_catalogRequests],
        });
    }

    /// <summary>Releases the built-in token buckets (not the limiters given in the options).</summary>
    public void Dispose()
    {
        _profilesUpdate.Dispose();
        _profilesMassUpdate.Dispose();
        _catalogItems.Dispose();
        _catalogRequests.Dispose();
        _audiences.Dispose();
        _customAudiences.Dispose();
    }

    private Task<BatchBulkResult<T>> RunAsync<T>(IAsyncEnumerable<T> items, IProgress<BatchBulkProgress>? progress, CancellationToken cancellationToken, BulkPlan<T> plan)
    {
        if (items is null)
            throw new ArgumentNullException(nameof(items));
        return new BulkRun<T>(plan, _options.MaxParallelism, _options.TimeProvider, progress).RunAsync(items, cancellationToken);
    }

    private static string? CustomId(ProfileUpdate profile) => profile?.Identifiers?.CustomId;

    private static void RequireName(string name, string parameter)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("A name is required.", parameter);
    }

    private static AudienceIdUpdate AddAction(AudienceMember member) => new()
    {
        Action = MembershipAction.Add,
        Id = member.Id,
        Attributes = member.Attributes,
        AdditionalProperties = member.AdditionalProperties,
    };

    private static CustomAudienceIdUpdate AddAction(CustomAudienceMember member) => new()
    {
        Action = MembershipAction.Add,
        Id = member.Id,
        Attributes = member.Attributes,
        Tags = member.Tags,
        AdditionalProperties = member.AdditionalProperties,
    };

#pragma warning disable CS1998 // An iterator over a synchronous sequence has nothing to await.
    private static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS1998
    {
        if (items is null)
            throw new ArgumentNullException(nameof(items));
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }
}
