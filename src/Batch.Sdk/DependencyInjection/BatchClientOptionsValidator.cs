using Microsoft.Extensions.Options;

namespace Batch.Sdk.DependencyInjection;

/// <summary>
/// Runs <see cref="BatchClientOptions.Validate"/> for the options system, so a missing key fails at start-up with
/// an OptionsValidationException that names the setting (never its value).
/// </summary>
internal sealed class BatchClientOptionsValidator : IValidateOptions<BatchClientOptions>
{
    private readonly string _name;

    public BatchClientOptionsValidator(string name) => _name = name;

    public ValidateOptionsResult Validate(string? name, BatchClientOptions options)
    {
        if (name != _name)
            return ValidateOptionsResult.Skip;
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
