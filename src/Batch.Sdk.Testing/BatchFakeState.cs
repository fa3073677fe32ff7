using System;
using System.Collections.Generic;
using Batch.Sdk.Testing.State;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing;

/// <summary>
/// What the fake holds, for assertions beyond the API's own view operations. Every method returns a copy taken at
/// the time of the call: changing it does not change the fake.
/// </summary>
public sealed class BatchFakeState
{
    internal BatchFakeState()
    {
    }

    internal MepCampaignStore Push { get; } = new(MepCampaignRules.Push);

    internal MepCampaignStore InApp { get; } = new(MepCampaignRules.InApp);

    internal ProjectCampaignStore Project { get; } = new();

    internal TransactionalLog Transactional { get; } = new();

    /// <summary>The app's 1.1 push campaigns, by token, as the view operation returns them.</summary>
    /// <param name="appApiKey">The app's API key, such as <see cref="BatchFakeServer.IosAppApiKey"/>.</param>
    /// <returns>The campaigns by token.</returns>
    public IReadOnlyDictionary<string, JObject> PushCampaigns(string appApiKey) => Push.Snapshot(Require(appApiKey));

    /// <summary>The app's 1.1 in-app campaigns, by token, as the view operation returns them.</summary>
    /// <param name="appApiKey">The app's API key.</param>
    /// <returns>The campaigns by token.</returns>
    public IReadOnlyDictionary<string, JObject> InAppCampaigns(string appApiKey) => InApp.Snapshot(Require(appApiKey));

    /// <summary>The 2.8 project campaigns, by orchestration id, as last created or updated.</summary>
    /// <returns>The campaigns by id.</returns>
    public IReadOnlyDictionary<string, JObject> ProjectCampaigns() => Project.Snapshot();

    /// <summary>The bodies of the transactional sends the fake accepted for the app, oldest first.</summary>
    /// <param name="appApiKey">The app's API key.</param>
    /// <returns>The request bodies.</returns>
    public IReadOnlyList<JObject> TransactionalSends(string appApiKey) => Transactional.Snapshot(Require(appApiKey));

    private static string Require(string appApiKey) =>
        string.IsNullOrEmpty(appApiKey) ? throw new ArgumentException("The app API key must be set.", nameof(appApiKey)) : appApiKey;
}
