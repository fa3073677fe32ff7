using System.IO;
using System.Text;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Validations;
using Microsoft.OpenApi.Validations.Rules;

namespace Batch.Sdk.ContractTests.Spec;

/// <summary>The spec read by Microsoft.OpenApi.Readers, which reports structural errors and rule violations.</summary>
/// <remarks>
/// The 1.x "data and type mismatch" rules are left out: they misreport valid examples (quoted date-like strings,
/// plain integers) as mismatched, a known defect its maintainers fix in 2.x with real JSON Schema validation
/// (microsoft/OpenAPI.NET#1640, #1738). SpecAudit validates every example with NJsonSchema instead.
/// </remarks>
internal static class SpecParsing
{
    private static readonly string[] ExampleTypeRules =
    [
        nameof(OpenApiMediaTypeRules.MediaTypeMismatchedDataType),
        nameof(OpenApiSchemaRules.SchemaMismatchedDataType),
        nameof(OpenApiParameterRules.ParameterMismatchedDataType),
        nameof(OpenApiHeaderRules.HeaderMismatchedDataType),
    ];

    public static OpenApiDiagnostic Diagnose(string yaml)
    {
        var rules = ValidationRuleSet.GetDefaultRuleSet();
        foreach (var rule in ExampleTypeRules)
            rules.Remove(rule);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(yaml));
        new OpenApiStreamReader(new OpenApiReaderSettings { RuleSet = rules }).Read(stream, out var diagnostic);
        return diagnostic;
    }
}
