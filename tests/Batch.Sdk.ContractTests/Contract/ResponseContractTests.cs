using System.Linq;
using Batch.Sdk.ContractTests.Spec;
using Xunit.Abstractions;

namespace Batch.Sdk.ContractTests.Contract;

public sealed class ResponseContractTests(ContractRun run, ITestOutputHelper output) : IClassFixture<ContractRun>
{
    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string, string>();
            foreach (var contractCase in ContractCase.From(SpecDocument.Current))
                cases.Add(contractCase.OperationId, contractCase.Status, contractCase.Example ?? string.Empty);
            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_SDK_reads_each_documented_response_and_sends_a_documented_request(string operationId, string status, string example)
    {
        var contractCase = new ContractCase(operationId, status, example.Length == 0 ? null : example);
        run.Results[contractCase].ShouldBeEmpty();
    }

    [Fact]
    public void Every_operation_and_response_of_the_spec_is_exercised()
    {
        var spec = SpecDocument.Current;
        var declared = ContractCoverage.Declared(spec);
        var exercised = run.Results.Keys.Select(contractCase => contractCase.Pair).ToHashSet();
        var passing = run.Results.Where(result => result.Value.Count == 0).Select(result => result.Key.Pair).ToHashSet();

        output.WriteLine($"contract: {exercised.Count} of {declared.Count} (operation, response) pairs exercised " +
                         $"({run.Results.Count} documented responses, {spec.Operations.Count} operations); {passing.Count} pass");

        ContractCoverage.Unexercised(spec, exercised).ShouldBeEmpty();
        exercised.Count.ShouldBe(declared.Count);
    }
}
