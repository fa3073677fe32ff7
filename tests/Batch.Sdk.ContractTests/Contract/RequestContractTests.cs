using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.ContractTests.Spec;

namespace Batch.Sdk.ContractTests.Contract;

public sealed class RequestContractTests
{
    public static TheoryData<string, string> RequestExamples
    {
        get
        {
            var examples = new TheoryData<string, string>();
            foreach (var operation in SpecDocument.Current.Operations)
            {
                foreach (var example in operation.RequestContent?.Examples.Keys ?? Enumerable.Empty<string>())
                    examples.Add(operation.Id, example);
            }

            return examples;
        }
    }

    [Theory]
    [MemberData(nameof(RequestExamples))]
    public async Task Every_request_example_read_into_the_typed_model_is_sent_unchanged_and_valid(string operationId, string example)
    {
        var operation = SpecDocument.Current.Operation(operationId);
        var documented = operation.RequestContent!.Examples[example]["value"]!;
        var typed = SdkOperation.For(operation).Body(documented);
        using var server = new ContractServer();

        var problems = await RequestContract.SendAsync(operation, server, typed, documented);

        problems.ShouldBeEmpty();
        JsonComparison.UndeclaredFields(typed).ShouldBeEmpty();
    }
}
