namespace Batch.Sdk.Testing.Spec;

/// <summary>
/// Why a request breaks the spec or a documented rule: the Batch error name to answer with and an actionable
/// message, or null to use the message of the spec's example of that error.
/// </summary>
internal sealed record SpecViolation(string ErrorName, string? Message)
{
    public const string MissingParameter = "MISSING_PARAMETER";
    public const string MalformedParameter = "MALFORMED_PARAMETER";
    public const string MalformedJsonBody = "MALFORMED_JSON_BODY";

    public static SpecViolation Missing(string parameter) => new(MissingParameter, $"Missing parameter: {parameter}.");

    public static SpecViolation Malformed(string parameter, string problem) =>
        new(MalformedParameter, $"Malformed parameter: {parameter} {problem}.");
}
