using System.Collections.Generic;
using System.Linq;
using Batch.Sdk.ContractTests.Spec;

namespace Batch.Sdk.ContractTests.Contract;

/// <summary>One documented answer of an operation: a status and one of its named examples (none when it has no body).</summary>
internal sealed record ContractCase(string OperationId, string Status, string? Example)
{
    /// <summary>The (operation, response) pair the case exercises.</summary>
    public string Pair => $"{OperationId} {Status}";

    /// <summary>
    /// Every example of every response, and one case per response without a body. A response with a body but no
    /// example yields no case, so the coverage test reports it.
    /// </summary>
    public static IReadOnlyList<ContractCase> From(SpecDocument spec) =>
        spec.Operations.SelectMany(operation => operation.Responses.SelectMany(response =>
                response.Content is { } content
                    ? content.Examples.Keys.Select(example => new ContractCase(operation.Id, response.Status, example))
                    : [new ContractCase(operation.Id, response.Status, null)]))
            .ToList();

    public override string ToString() => Example is null ? Pair : $"{Pair} {Example}";
}
