using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Batch.Sdk.ContractTests.Spec;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.ContractTests.Documentation;

/// <summary>The route, success status and error table of one seed documentation page (Documentation/seed-pages.json).</summary>
public sealed record SeedPage(string Seed, string Title, string OperationId, string Method, string Route, int SuccessStatus, IReadOnlyList<SeedError> Errors)
{
    public static IReadOnlyList<SeedPage> All { get; } =
        JObject.Parse(SpecFiles.SeedPagesJson)["pages"]!.ToObject<List<SeedPage>>()!;

    public static SeedPage Named(string seed) => All.Single(page => page.Seed == seed);

    /// <summary>How the spec differs from this page: route, success status, and the exact set of errors.</summary>
    internal IReadOnlyList<string> Differences(SpecDocument spec)
    {
        var operation = spec.Operations.SingleOrDefault(candidate => candidate.Id == OperationId);
        if (operation is null)
            return [$"the spec has no operation {OperationId}"];

        var problems = new List<string>();
        if (!string.Equals(operation.Method, Method, System.StringComparison.OrdinalIgnoreCase) || !SameRoute(operation.Path, Route))
            problems.Add($"the spec routes it as {operation.Method.ToUpperInvariant()} {operation.Path}, the page as {Method} {Route}");
        if (operation.Responses.All(response => response.StatusCode != SuccessStatus))
            problems.Add($"the spec does not declare the documented success status {SuccessStatus}");

        var declared = operation.Responses.Where(response => response.IsError)
            .SelectMany(response => response.Content?.Examples.Select(example => Declared(response, example.Key, example.Value["value"]!)) ?? [])
            .ToHashSet();
        problems.AddRange(Errors.Except(declared).Select(error => $"documented but not in the spec: {error}"));
        problems.AddRange(declared.Except(Errors).Select(error => $"in the spec but not documented: {error}"));
        return problems;
    }

    public override string ToString() => $"{Seed} ({OperationId})";

    /// <summary>1.x bodies name the error in <c>type</c>; 2.x bodies carry only a code, so the example's name is the error's.</summary>
    private static SeedError Declared(SpecResponse response, string exampleName, JToken body) => new(
        (string?)body["type"] ?? exampleName,
        response.StatusCode,
        body["code"]?.Value<int>() ?? int.Parse((string)body["error_code"]!, CultureInfo.InvariantCulture));

    /// <summary>The pages write path parameters as upper-case placeholders (<c>CAMPAIGN_TOKEN</c>), the spec as <c>{campaignToken}</c>.</summary>
    private static bool SameRoute(string specPath, string documentedRoute)
    {
        var specSegments = specPath.Split('/');
        var pageSegments = documentedRoute.Split('/');
        return specSegments.Length == pageSegments.Length && specSegments.Zip(pageSegments).All(pair =>
            pair.First == pair.Second ||
            (pair.First.StartsWith('{') && pair.Second.Length > 0 && pair.Second.All(c => char.IsUpper(c) || c == '_')));
    }
}

/// <summary>One row of a page's failure list.</summary>
public sealed record SeedError(string Name, int Status, int Code)
{
    public override string ToString() => $"{Name} (HTTP {Status}, code {Code})";
}
