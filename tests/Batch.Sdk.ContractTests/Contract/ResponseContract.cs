using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Batch.Sdk.ContractTests.Spec;
using Batch.Sdk.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.ContractTests.Contract;

/// <summary>
/// Serves one documented response and calls the operation's SDK method: a success must come back as a typed result
/// that serializes to the same JSON, an error as a <see cref="BatchApiException"/> with the documented status, error
/// and code (wrapped in a <see cref="BatchOutcomeUnknownException"/> when a server failure hits a request that is not
/// safe to repeat); the request the SDK sent must match the spec.
/// </summary>
internal static class ResponseContract
{
    public static async Task<IReadOnlyList<string>> RunAsync(SpecDocument spec, ContractServer server, ContractCase contractCase)
    {
        var operation = spec.Operation(contractCase.OperationId);
        var response = operation.Responses.Single(candidate => candidate.Status == contractCase.Status);
        var content = response.Content;
        var example = contractCase.Example is null ? null : content!.Examples[contractCase.Example]["value"];

        SdkOperation sdk;
        try
        {
            sdk = SdkOperation.For(operation);
        }
        catch (InvalidOperationException unmapped)
        {
            return [unmapped.Message];
        }

        server.Respond(response.StatusCode, content?.MediaType, example?.ToString(Formatting.None), response.HeaderExamples);
        var problems = new List<string>();
        object? result = null;
        BatchApiException? error = null;
        var outcomeUnknown = false;
        try
        {
            var requestExample = operation.RequestContent?.Examples.Values.FirstOrDefault()?["value"];
            result = await sdk.InvokeAsync(server.Client, requestExample is null ? null : sdk.Body(requestExample));
        }
        catch (Exception thrown) when (Unwrap(thrown) is BatchApiException apiException)
        {
            error = apiException;
        }
        catch (Exception thrown) when (Unwrap(thrown) is BatchOutcomeUnknownException { InnerException: BatchApiException apiException })
        {
            // A server failure on a request that is not safe to repeat: the documented error is the inner exception.
            error = apiException;
            outcomeUnknown = true;
        }
        catch (Exception thrown)
        {
            problems.Add($"the call failed: {Unwrap(thrown).GetType().Name}: {Unwrap(thrown).Message}");
        }

        var requests = server.Requests;
        if (requests.Length == 1)
            problems.AddRange(RequestCheck.Problems(operation, requests[0]).Select(problem => "request: " + problem));
        else
            problems.Add($"the SDK sent {requests.Length} requests, expected one");

        if (response.IsError)
        {
            problems.AddRange(ErrorProblems(response, contractCase.Example, example, error));
            var mayHaveBeenCarriedOut = response.StatusCode is 500 or 502 or 504 && !operation.IsSafeToRepeat;
            if (error is not null && outcomeUnknown != mayHaveBeenCarriedOut)
                problems.Add(mayHaveBeenCarriedOut
                    ? $"HTTP {response.StatusCode} on an operation that is not safe to repeat must raise {nameof(BatchOutcomeUnknownException)}"
                    : $"HTTP {response.StatusCode} raised {nameof(BatchOutcomeUnknownException)} on an operation whose outcome is known");
        }
        else if (error is not null)
            problems.Add($"the documented success raised {nameof(BatchApiException)}: {error.Message}");
        else if (response.IsRedirect)
            problems.AddRange(RedirectProblems(response, result));
        else if (example is not null)
            problems.AddRange(RoundTripProblems(example, result));
        return problems;
    }

    private static IEnumerable<string> RoundTripProblems(JToken example, object? result)
    {
        if (result is null)
            return ["the SDK returned no result for a documented body"];
        var written = JsonComparison.Parse(BatchJson.Serialize(result));
        return JsonComparison.Differences(example, written).Select(difference => "round trip: " + difference)
            .Concat(JsonComparison.UndeclaredFields(result).Select(field => "model: " + field));
    }

    /// <summary>A documented redirect is the result: its Location reaches the caller, and the SDK did not follow it (one request).</summary>
    private static IEnumerable<string> RedirectProblems(SpecResponse response, object? result)
    {
        if (result is not BatchRedirect redirect)
        {
            yield return $"the documented redirect {response.Status} returned {result?.GetType().Name ?? "null"}, not a {nameof(BatchRedirect)}";
            yield break;
        }

        if (redirect.StatusCode != response.StatusCode)
            yield return $"{nameof(BatchRedirect.StatusCode)} is {redirect.StatusCode}, documented {response.StatusCode}";
        if (!response.HeaderExamples.TryGetValue("Location", out var location))
            yield return "the documented redirect has no Location example";
        else if (redirect.Location?.ToString() != new Uri(location).ToString())
            yield return $"{nameof(BatchRedirect.Location)} is {redirect.Location}, documented {location}";
    }

    /// <summary>Error examples are named after the Batch error (<c>MALFORMED_PARAMETER</c>); the body carries its code.</summary>
    private static IEnumerable<string> ErrorProblems(SpecResponse response, string? exampleName, JToken? example, BatchApiException? error)
    {
        if (error is null)
        {
            yield return $"the documented error {exampleName} did not raise {nameof(BatchApiException)}";
            yield break;
        }

        if (error.StatusCode != response.StatusCode)
            yield return $"{nameof(BatchApiException.StatusCode)} is {error.StatusCode}, documented {response.StatusCode}";
        if (exampleName is null || example is null)
            yield break;

        var enumName = string.Concat(exampleName.Split('_').Select(word => word.Substring(0, 1) + word.Substring(1).ToLowerInvariant()));
        if (!Enum.TryParse<BatchError>(enumName, out var expected))
            yield return $"the example name {exampleName} is not a {nameof(BatchError)}";
        else if (error.Error != expected)
            yield return $"{nameof(BatchApiException.Error)} is {error.Error}, documented {expected}";

        var code = example["code"]?.Value<int>() ?? int.Parse((string)example["error_code"]!, CultureInfo.InvariantCulture);
        if (error.ErrorCode != code)
            yield return $"{nameof(BatchApiException.ErrorCode)} is {error.ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "null"}, documented {code}";
    }

    private static Exception Unwrap(Exception exception) =>
        exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
}
