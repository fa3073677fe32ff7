using System.Collections.Generic;
using System.Linq;
using Batch.Sdk.ContractTests.Spec;

namespace Batch.Sdk.ContractTests.Contract;

/// <summary>The (operation, response) pairs a spec declares, read from its paths independently of <see cref="ContractCase"/>.</summary>
internal static class ContractCoverage
{
    public static IReadOnlySet<string> Declared(SpecDocument spec) =>
        spec.Operations.SelectMany(operation => operation.Responses.Select(response => $"{operation.Id} {response.Status}")).ToHashSet();

    /// <summary>The declared pairs that <paramref name="exercised"/> does not cover.</summary>
    public static IReadOnlyList<string> Unexercised(SpecDocument spec, IEnumerable<string> exercised) =>
        Declared(spec).Except(exercised).OrderBy(pair => pair, System.StringComparer.Ordinal).ToList();
}
