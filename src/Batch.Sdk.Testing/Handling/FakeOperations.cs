using System;
using System.Collections.Generic;
using Batch.Sdk.Testing.Spec;
using Batch.Sdk.Testing.State;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Handling;

/// <summary>
/// Answers a valid call. The campaign and transactional operations keep state; every other operation of the spec
/// answers its first documented success example, so an operation added to the spec is served without new code.
/// Stateful answers start from the same example and fill in the new token or id.
/// </summary>
internal sealed class FakeOperations
{
    private const string AppApiKey = "apiKey";
    private const string CampaignToken = "campaignToken";

    private readonly Dictionary<string, Func<OperationCall, FakeResponse>> _stateful;
    private readonly FakeErrors _errors;

    public FakeOperations(BatchFakeState state, FakeErrors errors)
    {
        _errors = errors;
        _stateful = new Dictionary<string, Func<OperationCall, FakeResponse>>(StringComparer.Ordinal);
        AddMepCampaigns("pushCampaigns", state.Push);
        AddMepCampaigns("inAppCampaigns", state.InApp);
        _stateful["transactional_send"] = call =>
        {
            state.Transactional.Add(call.PathValue(AppApiKey), call.Body);
            return Answer(call, "token", Guid.NewGuid().ToString());
        };
        _stateful["campaigns_create"] = call => Answer(call, "id", state.Project.Create(call.Body));
        _stateful["campaigns_update"] = call =>
            state.Project.TryReplace((string)call.Body["id"]!, (JObject)call.Body["campaign"]!) ? Example(call) : NotFound(call);
        _stateful["campaigns_delete"] = call => state.Project.Delete((string)call.Body["id"]!) ? Example(call) : NotFound(call);
    }

    /// <summary>Whether the operation keeps state in the fake (otherwise it answers its example).</summary>
    public bool IsStateful(string operationId) => _stateful.ContainsKey(operationId);

    public FakeResponse Handle(OperationCall call) =>
        _stateful.TryGetValue(call.Operation.Id, out var handle) ? handle(call) : Example(call);

    private void AddMepCampaigns(string prefix, MepCampaignStore store)
    {
        _stateful[prefix + "_create"] = call =>
            Answer(call, "campaign_token", store.Create(call.PathValue(AppApiKey), call.Body, DateTime.UtcNow));
        _stateful[prefix + "_get"] = call =>
            store.View(call.PathValue(AppApiKey), call.PathValue(CampaignToken)) is { } view
                ? new FakeResponse(call.Operation.SuccessStatus, view)
                : NotFound(call);
        _stateful[prefix + "_list"] = call => new FakeResponse(call.Operation.SuccessStatus, new JArray(store.List(
            call.PathValue(AppApiKey), call.QueryInt("from"), call.QueryInt("limit"), call.QueryBool("live"), call.QueryBool("from_api"))));
        _stateful[prefix + "_update"] = call =>
        {
            if (!store.TryUpdate(call.PathValue(AppApiKey), call.PathValue(CampaignToken), call.Body, DateTime.UtcNow, out var violation))
                return NotFound(call);
            return violation is null ? Example(call) : _errors.Violation(call.Operation.Family, violation);
        };
        _stateful[prefix + "_delete"] = call =>
            store.Delete(call.PathValue(AppApiKey), call.PathValue(CampaignToken)) ? Example(call) : NotFound(call);
    }

    private static FakeResponse Example(OperationCall call) =>
        new(call.Operation.SuccessStatus, call.Operation.SuccessExample?.DeepClone(), call.Operation.SuccessHeaders);

    /// <summary>The success example with one property set to the new token or id.</summary>
    private static FakeResponse Answer(OperationCall call, string property, string value)
    {
        var body = call.Operation.SuccessExample?.DeepClone() as JObject ?? new JObject();
        body[property] = value;
        return new FakeResponse(call.Operation.SuccessStatus, body);
    }

    /// <summary>An unknown (or deleted) campaign: the spec documents ROUTE_NOT_FOUND for "the campaign it names does not exist".</summary>
    private FakeResponse NotFound(OperationCall call) => _errors.Error(call.Operation.Family, FakeErrors.RouteNotFound);
}
