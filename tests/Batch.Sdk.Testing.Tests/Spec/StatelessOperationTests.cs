using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Batch.Sdk.Testing.Handling;
using Batch.Sdk.Testing.Spec;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Tests.Spec;

/// <summary>Every operation without state, driven from the spec: its documented request gets its first documented success.</summary>
public sealed class StatelessOperationTests : IDisposable
{
    private readonly FakeScope _scope = new();

    public void Dispose() => _scope.Dispose();

    public static TheoryData<string> StatelessOperationIds() => new(StatelessIds());

    private static IEnumerable<string> StatelessIds()
    {
        var operations = new FakeOperations(new BatchFakeState(), new FakeErrors(BatchSpec.Embedded.Errors));
        return BatchSpec.Embedded.Operations.Where(operation => !operations.IsStateful(operation.Id)).Select(operation => operation.Id);
    }

    [Fact]
    public void The_stateless_operations_are_the_ones_the_issue_lists()
    {
        StatelessIds().Order().ShouldBe(
        [
            "audiences_create", "audiences_get", "audiences_list", "audiences_remove", "audiences_replace", "audiences_update",
            "catalogs_create", "catalogs_editItems", "catalogs_get", "catalogs_list", "catalogs_remove", "catalogs_update",
            "customAudiences_create", "customAudiences_delete", "customAudiences_get", "customAudiences_list",
            "customAudiences_replace", "customAudiences_update", "exports_download", "exports_get", "exports_list",
            "orchestrations_getStats", "orchestrations_list", "profiles_export", "profiles_massUpdate", "profiles_update",
            "pushCampaigns_getStats", "segments_list", "transactional_getStats",
        ]);
    }

    [Theory]
    [MemberData(nameof(StatelessOperationIds))]
    public async Task The_documented_request_gets_the_first_documented_success(string operationId)
    {
        var operation = BatchSpec.Embedded[operationId];

        var response = await _scope.Http.SendAsync(DocumentedRequest(operation));

        ((int)response.StatusCode).ShouldBe(operation.SuccessStatus);
        foreach (var header in operation.SuccessHeaders)
            response.Headers.GetValues(header.Key).ShouldBe([header.Value]);
        var body = await response.Content.ReadAsStringAsync();
        if (operation.SuccessExample is null)
            body.ShouldBeEmpty();
        else
            JToken.DeepEquals(FakeScope.ParseJson(body), operation.SuccessExample).ShouldBeTrue(body);
    }

    private HttpRequestMessage DocumentedRequest(SpecOperation operation)
    {
        var path = operation.Path.Template;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var value = parameter.Name == "apiKey" ? _scope.Fake.IosAppApiKey : parameter.Example?.ToString();
            if (parameter.Location == SpecParameterLocation.Path)
                path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value!));
            else if (parameter.Required)
                query.Add(parameter.Name + "=" + Uri.EscapeDataString(value!));
        }

        var relative = path.TrimStart('/') + (query.Count > 0 ? "?" + string.Join("&", query) : string.Empty);
        var method = new HttpMethod(operation.Method);
        var body = operation.RequestExample?.ToString();
        var request = _scope.ProjectRequest(method, relative, body);
        if (operation.Family == ApiFamily.App)
        {
            request.Headers.Remove("Authorization");
            request.Headers.Remove("X-Batch-Project");
            request.Headers.TryAddWithoutValidation("X-Authorization", _scope.Fake.RestApiKey);
        }

        return request;
    }
}
