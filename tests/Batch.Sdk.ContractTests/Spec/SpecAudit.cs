using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.ContractTests.Spec;

/// <summary>Checks of the spec's own documentation: examples present, described, and valid against their schemas.</summary>
internal static class SpecAudit
{
    private static readonly string[] Sources = ["documentation", "illustrative"];

    /// <summary>Every request body and every response with a body has at least one named example.</summary>
    public static IReadOnlyList<string> MissingExamples(SpecDocument spec) =>
        spec.Operations.SelectMany(operation =>
        {
            var problems = new List<string>();
            if (operation.RequestBody is not null && operation.RequestContent is not { Examples.Count: > 0 })
                problems.Add($"{operation.Id}: the request body has no example");
            problems.AddRange(operation.Responses
                .Where(response => response.Node["content"] is not null && response.Content is not { Examples.Count: > 0 })
                .Select(response => $"{operation.Id} {response.Status}: the response has no example"));
            return problems;
        }).ToList();

    /// <summary>
    /// Every example validates against its schema, uses declared properties only (strict mode), and says what it is
    /// (<c>summary</c>) and where it comes from (<c>x-batch-source</c>).
    /// </summary>
    public static IReadOnlyList<string> ExampleProblems(SpecDocument spec) =>
        AllExamples(spec).SelectMany(example =>
        {
            var problems = SpecSchemas.Validate(spec, example.Content.Schema ?? new JObject(), example.Node["value"], strict: true)
                .Select(error => $"{example.Where}: {error}")
                .ToList();
            if (example.Node["summary"] is null)
                problems.Add($"{example.Where}: no summary");
            if (!Sources.Contains((string?)example.Node["x-batch-source"]))
                problems.Add($"{example.Where}: x-batch-source is not one of {string.Join(", ", Sources)}");
            return problems;
        }).ToList();

    private static IEnumerable<(string Where, SpecContent Content, JObject Node)> AllExamples(SpecDocument spec)
    {
        foreach (var operation in spec.Operations)
        {
            if (operation.RequestContent is { } request)
            {
                foreach (var example in request.Examples)
                    yield return ($"{operation.Id} request example {example.Key}", request, example.Value);
            }

            foreach (var response in operation.Responses)
            {
                if (response.Content is not { } content)
                    continue;
                foreach (var example in content.Examples)
                    yield return ($"{operation.Id} {response.Status} example {example.Key}", content, example.Value);
            }
        }
    }
}
