using System.Collections.Generic;
using System.Threading.Tasks;
using Batch.Sdk.ContractTests.Spec;

namespace Batch.Sdk.ContractTests.Contract;

/// <summary>Runs every <see cref="ContractCase"/> of the repository's spec once, one after the other on one server.</summary>
public sealed class ContractRun : IAsyncLifetime
{
    private readonly Dictionary<ContractCase, IReadOnlyList<string>> _results = [];

    internal IReadOnlyDictionary<ContractCase, IReadOnlyList<string>> Results => _results;

    public async Task InitializeAsync()
    {
        using var server = new ContractServer();
        foreach (var contractCase in ContractCase.From(SpecDocument.Current))
            _results[contractCase] = await ResponseContract.RunAsync(SpecDocument.Current, server, contractCase);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
