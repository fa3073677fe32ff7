using System.Linq;
using Batch.Sdk.ContractTests.Spec;

namespace Batch.Sdk.ContractTests.Documentation;

public sealed class SpecDocumentationTests
{
    [Fact]
    public void The_spec_parses_with_no_errors_or_warnings()
    {
        var diagnostic = SpecParsing.Diagnose(SpecFiles.OpenApiYaml);

        diagnostic.Errors.Select(error => error.ToString()).ShouldBeEmpty();
        diagnostic.Warnings.Select(warning => warning.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void Every_example_validates_against_its_schema_with_declared_properties_only_and_says_where_it_comes_from()
    {
        SpecAudit.ExampleProblems(SpecDocument.Current).ShouldBeEmpty();
    }

    [Fact]
    public void Every_request_body_and_every_response_with_a_body_has_an_example()
    {
        SpecAudit.MissingExamples(SpecDocument.Current).ShouldBeEmpty();
    }
}
