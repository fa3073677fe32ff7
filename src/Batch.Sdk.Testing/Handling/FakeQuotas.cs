using System;
using System.Collections.Generic;
using System.Globalization;
using Batch.Sdk.Testing.Spec;
using System.IO;
using Newtonsoft.Json;

namespace Batch.Sdk.Testing.Handling;

/// <summary>
/// Enforces <see cref="BatchFakeQuotas"/>: continuous token buckets per project key and per quota, checked after a
/// request is authenticated, routed and valid. A request that touches several quotas (catalog items and catalog
/// requests) spends from all of them or from none.
/// </summary>
internal sealed class FakeQuotas
{
    private static readonly BatchFakeQuotaKind[] Kinds = (BatchFakeQuotaKind[])Enum.GetValues(typeof(BatchFakeQuotaKind));
    private readonly BatchFakeQuotas _settings;
    private readonly FakeErrors _errors;
    private readonly object _gate = new();
    private readonly Dictionary<(BatchFakeQuotaKind, string), Bucket> _buckets = new();
    private readonly Dictionary<BatchFakeQuotaKind, Tally> _usage = new();

    public FakeQuotas(BatchFakeQuotas settings, FakeErrors errors)
    {
        _settings = settings;
        _errors = errors;
        foreach (var kind in Kinds)
            _usage[kind] = new Tally();
    }

    public BatchFakeQuotaUsage Usage(BatchFakeQuotaKind kind)
    {
        lock (_gate)
        {
            var tally = _usage[kind];
            return new BatchFakeQuotaUsage(tally.Permits, tally.Accepted, tally.Refused, tally.FirstAccepted, tally.LastAccepted, tally.FirstRefused, tally.LastRefused);
        }
    }

    /// <summary>A 429 when the request would overdraw one of its quotas; null (and the permits spent) otherwise.</summary>
    public FakeResponse? Refuse(ApiFamily family, string operationId, IncomingRequest request)
    {
        var project = request.Headers.TryGetValue("X-Batch-Project", out var key) ? key : string.Empty;
        var costs = new List<(BatchFakeQuotaKind Kind, BatchFakeQuota Quota, int Cost)>(2);
        foreach (var kind in Kinds)
        {
            if (_settings.Get(kind) is { } quota && Cost(kind, operationId, request.Body) is int cost)
                costs.Add((kind, quota, cost));
        }

        if (costs.Count == 0)
            return null;
        var now = _settings.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            var wait = TimeSpan.Zero;
            foreach (var (kind, quota, cost) in costs)
            {
                var shortfall = BucketOf(kind, project, quota, now).Shortfall(cost, quota, now);
                if (shortfall > wait)
                    wait = shortfall;
            }

            if (wait > TimeSpan.Zero)
            {
                foreach (var (kind, _, _) in costs)
                    _usage[kind].Refuse(now);
                var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
                return _errors.Error(family, FakeErrors.TooManyRequests, headers: new Dictionary<string, string>
                {
                    ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture),
                });
            }

            foreach (var (kind, _, cost) in costs)
            {
                _buckets[(kind, project)].Tokens -= cost;
                _usage[kind].Accept(cost, now);
            }
        }

        return null;
    }

    /// <summary>What the request costs from the quota, or null when the quota does not apply to it.</summary>
    private static int? Cost(BatchFakeQuotaKind kind, string operationId, string body) => kind switch
    {
        BatchFakeQuotaKind.ProfilesUpdate when operationId == "profiles_update" => CountItems(body, property: null),
        BatchFakeQuotaKind.ProfilesMassUpdate when operationId == "profiles_massUpdate" => CountItems(body, property: null),
        BatchFakeQuotaKind.CatalogItems when operationId == "catalogs_editItems" => CountItems(body, "items"),
        BatchFakeQuotaKind.CatalogRequests when operationId.StartsWith("catalogs_", StringComparison.Ordinal) => 1,
        _ => null,
    };

    /// <summary>
    /// The number of elements of the body's top-level array, or of its top-level <paramref name="property"/> array,
    /// read as a token stream without building the document; 0 when the body is not of that shape (validation, which
    /// comes later, refuses it).
    /// </summary>
    internal static int CountItems(string body, string? property)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body));
            if (!reader.Read())
                return 0;
            if (property is not null)
            {
                if (reader.TokenType != JsonToken.StartObject)
                    return 0;
                while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                {
                    var name = (string?)reader.Value;
                    if (!reader.Read())
                        return 0;
                    if (name == property)
                        break;
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonToken.StartArray)
                return 0;
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonToken.EndArray)
            {
                count++;
                reader.Skip();
            }

            return count;
        }
        catch (JsonReaderException)
        {
            return 0;
        }
    }

    private Bucket BucketOf(BatchFakeQuotaKind kind, string project, BatchFakeQuota quota, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue((kind, project), out var bucket))
            _buckets[(kind, project)] = bucket = new Bucket(quota.Burst, now);
        return bucket;
    }

    private sealed class Bucket(double tokens, DateTimeOffset refilled)
    {
        public double Tokens { get; set; } = tokens;

        /// <summary>Refills the bucket up to now, then says how long until <paramref name="cost"/> tokens are there (zero: now).</summary>
        public TimeSpan Shortfall(int cost, BatchFakeQuota quota, DateTimeOffset now)
        {
            if (now > refilled)
            {
                Tokens = Math.Min(quota.Burst, Tokens + (now - refilled).TotalSeconds * quota.PerSecond);
                refilled = now;
            }

            if (cost > quota.Burst)
                return TimeSpan.MaxValue;
            return Tokens >= cost ? TimeSpan.Zero : TimeSpan.FromSeconds((cost - Tokens) / quota.PerSecond);
        }
    }

    private sealed class Tally
    {
        public long Permits { get; private set; }

        public int Accepted { get; private set; }

        public int Refused { get; private set; }

        public DateTimeOffset? FirstAccepted { get; private set; }

        public DateTimeOffset? LastAccepted { get; private set; }

        public DateTimeOffset? FirstRefused { get; private set; }

        public DateTimeOffset? LastRefused { get; private set; }

        public void Accept(int cost, DateTimeOffset now)
        {
            Permits += cost;
            Accepted++;
            FirstAccepted ??= now;
            LastAccepted = now;
        }

        public void Refuse(DateTimeOffset now)
        {
            Refused++;
            FirstRefused ??= now;
            LastRefused = now;
        }
    }
}
