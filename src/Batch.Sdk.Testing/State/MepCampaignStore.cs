using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Batch.Sdk.Testing.Spec;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.State;

/// <summary>
/// The 1.1 campaigns (push or in-app) of every app, keyed by app API key and campaign token, with the documented
/// update rules. Batch documents no error for breaking these rules, so a violation is MALFORMED_PARAMETER (400, 31):
/// <list type="bullet">
/// <item>an update's parameters are merged into the campaign; a parameter that an earlier update added must be sent
/// again (parameters added by an update cannot be removed);</item>
/// <item>push: a complete campaign (live, one-time, its push time reached) that was set not live cannot be set live again;</item>
/// <item>push: a recurring campaign (with <c>recurrence</c>) cannot be rescheduled as one-time (a <c>push_time</c> or
/// <c>local_push_time</c> without <c>recurrence</c>).</item>
/// </list>
/// </summary>
internal sealed class MepCampaignStore
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss";

    private readonly object _gate = new();
    private readonly Dictionary<(string App, string Token), Campaign> _campaigns = new();
    private readonly MepCampaignRules _rules;
    private long _sequence;

    public MepCampaignStore(MepCampaignRules rules)
    {
        _rules = rules;
    }

    /// <summary>Stores a new campaign created through the API and returns its token (32 hex characters).</summary>
    public string Create(string app, JObject parameters, DateTime utcNow)
    {
        var token = Guid.NewGuid().ToString("N");
        var campaign = new Campaign((JObject)parameters.DeepClone(), utcNow.ToString(DateFormat, CultureInfo.InvariantCulture));
        lock (_gate)
        {
            campaign.Sequence = ++_sequence;
            campaign.Completed = IsSent(campaign.Parameters, utcNow);
            _campaigns[(app, token)] = campaign;
        }

        return token;
    }

    /// <summary>The campaign as the view operation returns it, or null when there is none.</summary>
    public JObject? View(string app, string token)
    {
        lock (_gate)
            return _campaigns.TryGetValue((app, token), out var campaign) ? Describe(token, campaign) : null;
    }

    /// <summary>The app's campaigns, newest first, from offset <paramref name="from"/>, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<JObject> List(string app, int from, int limit, bool? live, bool? fromApi)
    {
        lock (_gate)
        {
            return _campaigns
                .Where(entry => entry.Key.App == app)
                .Where(entry => live is null || IsLive(entry.Value.Parameters) == live)
                .Where(_ => fromApi != false) // every campaign of the fake was created through the API
                .OrderByDescending(entry => entry.Value.Sequence)
                .Skip(from)
                .Take(limit)
                .Select(entry => Summary(entry.Key.Token, entry.Value))
                .ToList();
        }
    }

    /// <summary>Applies an update; false when the campaign does not exist, else the rule it breaks, if any.</summary>
    public bool TryUpdate(string app, string token, JObject update, DateTime utcNow, out SpecViolation? violation)
    {
        lock (_gate)
        {
            violation = null;
            if (!_campaigns.TryGetValue((app, token), out var campaign))
                return false;
            violation = Check(campaign, update);
            if (violation is not null)
                return true;
            foreach (var parameter in update.Properties())
            {
                if (campaign.Parameters.Property(parameter.Name) is null)
                    campaign.AddedByUpdates.Add(parameter.Name);
                campaign.Parameters[parameter.Name] = parameter.Value.DeepClone();
            }

            campaign.Completed |= IsSent(campaign.Parameters, utcNow);
            return true;
        }
    }

    /// <summary>Deletes a campaign; false when it does not exist.</summary>
    public bool Delete(string app, string token)
    {
        lock (_gate)
            return _campaigns.Remove((app, token));
    }

    /// <summary>Copies of the app's campaigns as the view operation returns them, by token.</summary>
    public IReadOnlyDictionary<string, JObject> Snapshot(string app)
    {
        lock (_gate)
        {
            return _campaigns
                .Where(entry => entry.Key.App == app)
                .ToDictionary(entry => entry.Key.Token, entry => Describe(entry.Key.Token, entry.Value), StringComparer.Ordinal);
        }
    }

    private SpecViolation? Check(Campaign campaign, JObject update)
    {
        var removed = campaign.AddedByUpdates.FirstOrDefault(name => update.Property(name) is null);
        if (removed is not null)
            return SpecViolation.Malformed(removed, "was added by an update and cannot be removed");
        if (_rules.Completion && campaign.Completed && !IsLive(campaign.Parameters) && update["live"]?.Type == JTokenType.Boolean && (bool)update["live"]!)
            return SpecViolation.Malformed("live", "cannot be true: the campaign is complete and cannot be set live again");
        if (_rules.Recurrence && IsRecurring(campaign.Parameters) && update.Property("recurrence") is null &&
            (update.Property("push_time") is not null || update.Property("local_push_time") is not null))
            return SpecViolation.Malformed("recurrence", "is required: a recurring campaign cannot go back to a one-time campaign");
        return null;
    }

    /// <summary>Whether a live one-time push campaign has reached its push time (so Batch has sent it).</summary>
    private bool IsSent(JObject parameters, DateTime utcNow)
    {
        if (!_rules.Completion || !IsLive(parameters) || IsRecurring(parameters))
            return false;
        var time = (string?)parameters["push_time"] ?? (string?)parameters["local_push_time"];
        if (time is null || time == "now")
            return true;
        return DateTime.TryParseExact(time, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            && at <= utcNow;
    }

    private static bool IsLive(JObject parameters) => parameters["live"]?.Type == JTokenType.Boolean && (bool)parameters["live"]!;

    private static bool IsRecurring(JObject parameters) => parameters["recurrence"] is JObject;

    private static JObject Describe(string token, Campaign campaign)
    {
        var view = Metadata(token, campaign);
        foreach (var parameter in campaign.Parameters.Properties())
            view[parameter.Name] = parameter.Value.DeepClone();
        return view;
    }

    private static JObject Summary(string token, Campaign campaign)
    {
        var summary = Metadata(token, campaign);
        summary["name"] = campaign.Parameters["name"]?.DeepClone();
        summary["live"] = IsLive(campaign.Parameters);
        return summary;
    }

    /// <summary>The four fields the view operation adds, as documented.</summary>
    private static JObject Metadata(string token, Campaign campaign) => new()
    {
        ["campaign_token"] = token,
        ["from_api"] = true,
        ["dev_only"] = false,
        ["created_date"] = campaign.CreatedDate,
    };

    private sealed class Campaign(JObject parameters, string createdDate)
    {
        public JObject Parameters { get; } = parameters;

        public string CreatedDate { get; } = createdDate;

        public HashSet<string> AddedByUpdates { get; } = new(StringComparer.Ordinal);

        public long Sequence { get; set; }

        public bool Completed { get; set; }
    }
}
