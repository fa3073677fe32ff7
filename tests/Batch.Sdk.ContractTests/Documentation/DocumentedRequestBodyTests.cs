using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.ContractTests.Contract;
using Batch.Sdk.ContractTests.Spec;

namespace Batch.Sdk.ContractTests.Documentation;

/// <summary>
/// The request bodies Batch's documentation shows (spec examples marked <c>x-batch-source: documentation</c>),
/// written once by hand with the SDK's typed models: proof that the models can express them, and that the SDK sends
/// exactly what the documentation shows.
/// </summary>
public sealed class DocumentedRequestBodyTests
{
    private static readonly Dictionary<string, object> TypedBodies = new()
    {
        ["pushCampaigns_create curl_request"] = new PushCampaignCreateRequest
        {
            Name = "Test Campaign",
            Live = true,
            PushTime = "now",
            Messages = [new PushMessageContent { Language = "en", Body = "Hello!" }],
        },
        ["pushCampaigns_create minimal_payload"] = new PushCampaignCreateRequest
        {
            Name = "Test Campaign",
            PushTime = "now",
            Live = true,
            Messages = [new PushMessageContent { Language = "en", Title = "Hello!", Body = "How's it going?" }],
        },
        ["pushCampaigns_update curl_request"] = new PushCampaignUpdateRequest { Name = "Updated Test Campaign Name", Live = true },
        ["inAppCampaigns_update curl_request"] = new InAppCampaignUpdateRequest { Name = "Updated Test Campaign Name", Live = true },
        ["customAudiences_replace documented_body"] = new CustomAudienceReplaceRequest
        {
            Ids =
            [
                new CustomAudienceMember
                {
                    Id = "INSTALL-ID",
                    Attributes = new Dictionary<string, object> { ["att1"] = 3, ["att2"] = "string", ["date(att15)"] = "2012-08-12T22:30:05" },
                    Tags = ["value-1"],
                },
            ],
        },
        ["catalogs_update api_reference"] = new CatalogUpdateRequest
        {
            Name = "products",
            Fields = [new CatalogFieldUpdate { Action = CatalogFieldAction.Add, Name = "price", Type = "string" }],
        },
        ["catalogs_update movies"] = new CatalogUpdateRequest
        {
            Name = "MOVIES",
            Fields =
            [
                new CatalogFieldUpdate { Action = CatalogFieldAction.Add, Name = "director", Type = "string" },
                new CatalogFieldUpdate { Action = CatalogFieldAction.Remove, Name = "duration" },
            ],
        },
        ["catalogs_remove api_reference"] = new CatalogRemoveRequest { Name = "products" },
        ["catalogs_remove movies"] = new CatalogRemoveRequest { Name = "MOVIES" },
        ["campaigns_update http_request"] = new CampaignUpdateRequest { Id = "orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q", Campaign = Samples.EmailCampaign(sendRate: 100000) },
        ["campaigns_update request_body"] = new CampaignUpdateRequest { Id = "orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q", Campaign = Samples.EmailCampaign(sendRate: null) },
    };

    public static TheoryData<string, string> DocumentedExamples
    {
        get
        {
            var examples = new TheoryData<string, string>();
            foreach (var operation in SpecDocument.Current.Operations)
            {
                var documented = operation.RequestContent?.Examples.Where(example => (string?)example.Value["x-batch-source"] == "documentation");
                foreach (var example in documented ?? [])
                    examples.Add(operation.Id, example.Key);
            }

            return examples;
        }
    }

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public async Task A_documented_request_body_built_with_the_typed_models_reaches_the_server_as_documented(string operationId, string example)
    {
        TypedBodies.ShouldContainKey($"{operationId} {example}", "write this documented body with the typed models in TypedBodies");
        var operation = SpecDocument.Current.Operation(operationId);
        using var server = new ContractServer();

        var problems = await RequestContract.SendAsync(operation, server, TypedBodies[$"{operationId} {example}"], operation.RequestContent!.Examples[example]["value"]!);

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_hand_built_body_is_a_documented_example_of_the_spec()
    {
        var documented = DocumentedExamples.Select(row => $"{row[0]} {row[1]}");

        TypedBodies.Keys.Except(documented).ShouldBeEmpty();
    }
}
