using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.ContractTests.Spec;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.ContractTests.Contract;

/// <summary>
/// Sends a typed request body through the SDK and compares what the server received with a documented body: the
/// request must match the spec and its JSON must equal the documented JSON.
/// </summary>
internal static class RequestContract
{
    public static async Task<IReadOnlyList<string>> SendAsync(SpecOperation operation, ContractServer server, object typedBody, JToken documentedBody)
    {
        var success = operation.Responses.First(response => !response.IsError);
        var content = success.Content;
        server.Respond(success.StatusCode, content?.MediaType, content?.Examples.Values.FirstOrDefault()?["value"]?.ToString(Formatting.None));

        var problems = new List<string>();
        try
        {
            await SdkOperation.For(operation).InvokeAsync(server.Client, typedBody);
        }
        catch (Exception failure)
        {
            problems.Add($"the call failed: {failure.GetType().Name}: {failure.Message}");
        }

        var requests = server.Requests;
        if (requests.Length != 1)
            return [.. problems, $"the SDK sent {requests.Length} requests, expected one"];
        problems.AddRange(RequestCheck.Problems(operation, requests[0]));
        if (!string.IsNullOrEmpty(requests[0].Body))
            problems.AddRange(JsonComparison.Differences(documentedBody, JsonComparison.Parse(requests[0].Body!)).Select(difference => "sent body: " + difference));
        return problems;
    }
}
