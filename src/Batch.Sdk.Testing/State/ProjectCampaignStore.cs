using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.State;

/// <summary>The 2.8 project campaigns, keyed by their orchestration id. An update replaces the campaign as a whole.</summary>
internal sealed class ProjectCampaignStore
{
    private readonly ConcurrentDictionary<string, JObject> _campaigns = new(StringComparer.Ordinal);

    /// <summary>Stores a new campaign and returns its id, <c>orchestration_</c> and 32 characters.</summary>
    public string Create(JObject campaign)
    {
        var id = "orchestration_" + Guid.NewGuid().ToString("N");
        _campaigns[id] = (JObject)campaign.DeepClone();
        return id;
    }

    /// <summary>Replaces a campaign; false when it does not exist.</summary>
    public bool TryReplace(string id, JObject campaign)
    {
        while (_campaigns.TryGetValue(id, out var current))
        {
            if (_campaigns.TryUpdate(id, (JObject)campaign.DeepClone(), current))
                return true;
        }

        return false;
    }

    /// <summary>Deletes a campaign; false when it does not exist.</summary>
    public bool Delete(string id) => _campaigns.TryRemove(id, out _);

    /// <summary>Copies of the campaigns, by id.</summary>
    public IReadOnlyDictionary<string, JObject> Snapshot() =>
        _campaigns.ToDictionary(entry => entry.Key, entry => (JObject)entry.Value.DeepClone(), StringComparer.Ordinal);
}
