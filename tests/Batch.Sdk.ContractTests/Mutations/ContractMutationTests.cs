using System;
using System.Threading.Tasks;
using Batch.Sdk.ContractTests.Contract;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.ContractTests.Mutations;

/// <summary>The SDK contract checks run against deliberately broken copies of the spec must report each break.</summary>
public sealed class ContractMutationTests : IDisposable
{
    private readonly ContractServer _server = new();
    private readonly SpecMutation _mutation = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_success_documented_under_a_wrong_status_is_reported()
    {
        SpecMutation.Rename((JObject)_mutation.Operation("pushCampaigns_create")["responses"]!, "201", "202");

        var problems = await Run("pushCampaigns_create", "202", "created");

        SpecMutation.Mentions(problems, "the documented success raised BatchApiException").ShouldBeTrue();
    }

    [Fact]
    public async Task A_success_example_missing_a_required_field_is_reported()
    {
        _mutation.ResponseExample("pushCampaigns_create", "201", "created").Remove("campaign_token");

        (await Run("pushCampaigns_create", "201", "created")).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_renamed_optional_property_in_a_success_example_is_reported_as_undeclared()
    {
        SpecMutation.Rename((JObject)_mutation.ResponseExample("pushCampaigns_getStats", "200", "one_day")["detail"]![0]!, "sent_optins", "sent_optin");

        var problems = await Run("pushCampaigns_getStats", "200", "one_day");

        SpecMutation.Mentions(problems, "has undeclared fields sent_optin").ShouldBeTrue();
    }

    [Fact]
    public async Task A_changed_error_code_that_names_another_error_is_reported()
    {
        _mutation.Component("examples", "ProjectApiMissingParameter")["value"]!["error_code"] = "31";

        var problems = await Run("campaigns_update", "400", "MISSING_PARAMETER");

        problems.ShouldContain("Error is MalformedParameter, documented MissingParameter");
    }

    [Fact]
    public async Task A_changed_path_template_is_reported()
    {
        _mutation.RenamePath("/1.1/{apiKey}/campaigns/update/{campaignToken}", "/1.1/{apiKey}/campaigns/edit/{campaignToken}");

        var problems = await Run("pushCampaigns_update", "200", null);

        problems.ShouldContain("request: sent path /1.1/{apiKey}/campaigns/update/a0082dc6860938a26280bd3ba927303b, which does not match /1.1/{apiKey}/campaigns/edit/{campaignToken}");
    }

    [Fact]
    public async Task A_changed_method_is_reported()
    {
        SpecMutation.Rename(_mutation.Path("/1.1/{apiKey}/campaigns/delete/{campaignToken}"), "post", "delete");

        var problems = await Run("pushCampaigns_delete", "200", null);

        problems.ShouldContain("request: sent POST, the spec says DELETE");
    }

    [Fact]
    public async Task Credentials_of_the_other_family_are_reported()
    {
        _mutation.Operation("pushCampaigns_get")["security"] = JArray.Parse("""[{ "RestApiKeyBearer": [] }]""");

        var problems = await Run("pushCampaigns_get", "200", "campaign");

        problems.ShouldContain("request: header Authorization is missing");
        problems.ShouldContain("request: header X-Authorization is sent although the operation does not use it");
    }

    [Fact]
    public async Task A_request_body_missing_a_field_the_schema_requires_is_reported()
    {
        _mutation.Component("schemas", "PushCampaignUpdateRequest")["required"] = new JArray("name", "live", "labels");

        var problems = await Run("pushCampaigns_update", "200", null);

        SpecMutation.Mentions(problems, "request: body: ").ShouldBeTrue();
        SpecMutation.Mentions(problems, "labels").ShouldBeTrue();
    }

    [Fact]
    public async Task A_query_parameter_the_SDK_does_not_send_is_reported()
    {
        ((JArray)_mutation.Operation("segments_list")["parameters"]!).Add(JObject.Parse("""{ "name": "state", "in": "query", "required": true, "schema": { "type": "string" }, "example": "active" }"""));

        var problems = await Run("segments_list", "200", "one_segment");

        problems.ShouldContain("segments_list: ListAsync cannot send the spec parameters state.");
    }

    [Fact]
    public async Task An_operation_without_an_SDK_method_is_reported()
    {
        _mutation.Operation("segments_list")["operationId"] = "segments_browse";

        var problems = await Run("segments_browse", "200", "one_segment");

        problems.ShouldContain("segments_browse: ISegmentsClient has 0 methods named BrowseAsync, expected one.");
    }

    private Task<System.Collections.Generic.IReadOnlyList<string>> Run(string operationId, string status, string? example) =>
        ResponseContract.RunAsync(_mutation.Spec, _server, new ContractCase(operationId, status, example));
}
