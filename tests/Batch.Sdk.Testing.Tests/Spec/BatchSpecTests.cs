using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Testing.Handling;
using Batch.Sdk.Testing.Spec;
using Microsoft.OpenApi.Readers;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Tests.Spec;

public sealed class BatchSpecTests
{
    private const string NewOperation = """
          /2.8/widgets/list:
            get:
              operationId: widgets_list
              security:
                - RestApiKeyBearer: []
              parameters:
                - $ref: '#/components/parameters/ProjectKey'
                - name: color
                  in: query
                  required: true
                  schema:
                    type: string
                    enum: [red, blue]
              responses:
                '200':
                  description: The widgets.
                  content:
                    application/json:
                      schema:
                        type: object
                      examples:
                        one_widget:
                          value:
                            widgets: [{name: gear, since: '2024-01-24'}]
                '400': {$ref: '#/components/responses/ProjectApiBadQuery'}
        """;

    [Fact]
    public void The_embedded_spec_is_parsed_once_per_process()
    {
        BatchSpec.Embedded.ShouldBeSameAs(BatchSpec.Embedded);
        // A success is a 2xx, or a redirect documented as the result with its Location (the export download's 307).
        BatchSpec.Embedded.Operations.ShouldAllBe(operation =>
            (operation.SuccessStatus >= 200 && operation.SuccessStatus < 300)
            || (operation.SuccessStatus >= 300 && operation.SuccessStatus < 400 && operation.SuccessHeaders.ContainsKey("Location")));
    }

    [Fact]
    public void Examples_keep_date_like_strings_as_written()
    {
        BatchSpec.Embedded["pushCampaigns_get"].SuccessExample!["created_date"]!.ToString().ShouldBe("2017-07-05T13:30:02");
    }

    // The README's endpoint table (build/spec-tools/endpoints-table.mjs) names each operation's family from its
    // security scheme; this keeps the schemes equal to the SDK's path rule (BatchRoutes, through ApiFamilies.Of).
    [Fact]
    public void Every_operation_declares_the_security_scheme_of_the_family_the_SDK_gives_its_path()
    {
        var document = new OpenApiStringReader().Read(EmbeddedYaml(), out _);

        var declared = (
            from path in document.Paths
            from operation in path.Value.Operations
            let schemes = string.Join(",", operation.Value.Security.SelectMany(requirement => requirement.Keys).Select(scheme => scheme.Reference.Id).Distinct())
            select (Family: ApiFamilies.Of(path.Key), Schemes: schemes, Operation: operation.Value.OperationId)).ToList();

        declared.Where(op => op.Schemes != (op.Family == ApiFamily.App ? "RestApiKeyHeader" : "RestApiKeyBearer")).ShouldBeEmpty();
        declared.Select(op => op.Family).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void The_most_specific_route_wins()
    {
        BatchSpec.Embedded.Route("GET", "/1.1/KEY/campaigns/list")!.Operation.Id.ShouldBe("pushCampaigns_list");
        BatchSpec.Embedded.Route("GET", "/1.1/KEY/campaigns/a0082dc6")!.Operation.Id.ShouldBe("pushCampaigns_get");
        BatchSpec.Embedded.Route("POST", "/1.1/KEY/campaigns/list").ShouldBeNull();
    }

    [Fact]
    public async Task An_operation_added_to_the_spec_is_served_and_validated_without_new_fake_code()
    {
        var spec = BatchSpec.Load(EmbeddedYaml().Replace("paths:\n", "paths:\n" + NewOperation + "\n"));
        var keys = new BatchFakeServerOptions();
        var errors = new FakeErrors(spec.Errors);
        var requests = new FakeRequestLog(10);
        var handler = new FakeHandler(spec, new FakeAuthenticator(keys), new BatchFakeFaults(), new FakeOperations(new BatchFakeState(), errors), requests);

        var served = await handler.HandleAsync(Request(keys, "?color=red"), CancellationToken.None);
        var refused = await handler.HandleAsync(Request(keys, "?color=green"), CancellationToken.None);

        served.Status.ShouldBe(200);
        served.Body!.ToString(Newtonsoft.Json.Formatting.None).ShouldBe("""{"widgets":[{"name":"gear","since":"2024-01-24"}]}""");
        refused.Status.ShouldBe(400);
        refused.Body!["error_code"]!.ToString().ShouldBe("31");
        requests.Snapshot()[0].OperationId.ShouldBe("widgets_list");
    }

    private static IncomingRequest Request(BatchFakeServerOptions keys, string query) => new(
        "GET",
        "/2.8/widgets/list",
        new Dictionary<string, string> { ["color"] = query.Substring("?color=".Length) },
        new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = "Bearer " + keys.RestApiKey,
            ["X-Batch-Project"] = keys.ProjectKey,
        },
        string.Empty);

    private static string EmbeddedYaml()
    {
        using var stream = typeof(BatchFakeServer).Assembly.GetManifestResourceStream("Batch.Sdk.Testing.openapi.yaml")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
