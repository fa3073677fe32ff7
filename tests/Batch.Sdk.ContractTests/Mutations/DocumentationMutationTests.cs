using System.Linq;
using Batch.Sdk.ContractTests.Contract;
using Batch.Sdk.ContractTests.Documentation;
using Batch.Sdk.ContractTests.Spec;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.ContractTests.Mutations;

/// <summary>The documentation checks run on deliberately broken copies of the spec must report each break.</summary>
public sealed class DocumentationMutationTests
{
    [Fact]
    public void A_wrong_error_status_breaks_the_seed_error_table()
    {
        var mutation = new SpecMutation();
        SpecMutation.Rename((JObject)mutation.Operation("inAppCampaigns_get")["responses"]!, "404", "410");

        var differences = SeedPage.Named("002_b7f1a6bbccc0f721.txt").Differences(mutation.Spec);

        differences.ShouldContain("documented but not in the spec: ROUTE_NOT_FOUND (HTTP 404, code 20)");
        differences.ShouldContain("in the spec but not documented: ROUTE_NOT_FOUND (HTTP 410, code 20)");
    }

    [Fact]
    public void A_changed_error_code_breaks_the_seed_error_table()
    {
        var mutation = new SpecMutation();
        mutation.Component("examples", "AppApiServerErrorCode1")["value"]!["code"] = 0;

        var differences = SeedPage.Named("004_6ba0f3b372b250b4.txt").Differences(mutation.Spec);

        differences.ShouldContain("documented but not in the spec: SERVER_ERROR (HTTP 500, code 1)");
    }

    [Fact]
    public void A_missing_documented_error_and_a_wrong_success_status_break_the_seed_error_table()
    {
        var mutation = new SpecMutation();
        var responses = (JObject)mutation.Operation("pushCampaigns_create")["responses"]!;
        responses.Remove("429");
        SpecMutation.Rename(responses, "201", "200");

        var differences = SeedPage.Named("004_6ba0f3b372b250b4.txt").Differences(mutation.Spec);

        differences.ShouldContain("documented but not in the spec: TOO_MANY_REQUESTS (HTTP 429, code 60)");
        differences.ShouldContain("the spec does not declare the documented success status 201");
    }

    [Fact]
    public void A_missing_required_field_in_a_response_example_fails_schema_validation()
    {
        var mutation = new SpecMutation();
        mutation.ResponseExample("pushCampaigns_create", "201", "created").Remove("campaign_token");

        SpecMutation.Mentions(SpecAudit.ExampleProblems(mutation.Spec), "pushCampaigns_create 201 example created").ShouldBeTrue();
    }

    [Fact]
    public void A_missing_required_field_in_a_request_example_fails_schema_validation()
    {
        var mutation = new SpecMutation();
        mutation.RequestExample("pushCampaigns_create", "curl_request").Remove("messages");

        SpecMutation.Mentions(SpecAudit.ExampleProblems(mutation.Spec), "pushCampaigns_create request example curl_request").ShouldBeTrue();
    }

    [Fact]
    public void A_renamed_property_in_an_example_fails_strict_schema_validation()
    {
        var mutation = new SpecMutation();
        SpecMutation.Rename(mutation.RequestExample("pushCampaigns_update", "curl_request"), "live", "is_live");
        SpecMutation.Rename((JObject)mutation.ResponseExample("pushCampaigns_getStats", "200", "one_day")["detail"]![0]!, "sent_optins", "sent_optin");

        var problems = SpecAudit.ExampleProblems(mutation.Spec);

        SpecMutation.Mentions(problems, "pushCampaigns_update request example curl_request").ShouldBeTrue();
        SpecMutation.Mentions(problems, "pushCampaigns_getStats 200 example one_day").ShouldBeTrue();
    }

    [Fact]
    public void A_renamed_property_inside_an_allOf_subtype_example_fails_strict_schema_validation()
    {
        var mutation = new SpecMutation();
        var message = (JObject)mutation.RequestExample("campaigns_update", "request_body")["campaign"]!["messages"]![0]!;
        SpecMutation.Rename(message, "sender_identity_id", "sender_id");

        SpecMutation.Mentions(SpecAudit.ExampleProblems(mutation.Spec), "campaigns_update request example request_body").ShouldBeTrue();
    }

    [Fact]
    public void A_wrongly_typed_value_in_an_example_fails_schema_validation()
    {
        var mutation = new SpecMutation();
        mutation.Component("examples", "ProjectApiMissingParameter")["value"]!["error_code"] = 30;

        SpecMutation.Mentions(SpecAudit.ExampleProblems(mutation.Spec), "example MISSING_PARAMETER").ShouldBeTrue();
    }

    [Fact]
    public void A_response_body_without_an_example_is_reported_and_left_unexercised()
    {
        var mutation = new SpecMutation();
        ((JObject)mutation.Operation("segments_list")["responses"]!["200"]!["content"]!["application/json"]!).Remove("examples");

        SpecAudit.MissingExamples(mutation.Spec).ShouldContain("segments_list 200: the response has no example");
        ContractCoverage.Unexercised(mutation.Spec, ContractCase.From(mutation.Spec).Select(contractCase => contractCase.Pair))
            .ShouldBe(["segments_list 200"]);
    }

    [Fact]
    public void An_example_without_its_source_is_reported()
    {
        var mutation = new SpecMutation();
        ((JObject)mutation.Operation("pushCampaigns_create")["requestBody"]!["content"]!["application/json"]!["examples"]!["curl_request"]!).Remove("x-batch-source");

        SpecMutation.Mentions(SpecAudit.ExampleProblems(mutation.Spec), "curl_request: x-batch-source").ShouldBeTrue();
    }

    [Theory]
    [InlineData("  title: Batch REST APIs (1.1 app APIs and 2.8 Project APIs)\n", "")]
    [InlineData("        '201':\n          description: Campaign created; the token", "        '2O1':\n          description: Campaign created; the token")]
    public void A_structurally_broken_spec_does_not_parse_cleanly(string original, string broken)
    {
        var yaml = SpecFiles.OpenApiYaml;
        yaml.ShouldContain(original);

        var diagnostic = SpecParsing.Diagnose(yaml.Replace(original, broken));

        (diagnostic.Errors.Count + diagnostic.Warnings.Count).ShouldBeGreaterThan(0);
    }
}
