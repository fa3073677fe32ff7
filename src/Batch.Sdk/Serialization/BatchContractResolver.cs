using System;
using Batch.Sdk.Validation;
using Newtonsoft.Json.Serialization;

namespace Batch.Sdk.Serialization;

/// <summary>
/// Validates every SDK model against the spec's constraints just before it is written, and writes union subtypes'
/// discriminators as plain properties (<see cref="BatchDiscriminatorContract"/>).
/// </summary>
internal sealed class BatchContractResolver : DefaultContractResolver
{
    public static readonly BatchContractResolver Instance = new();

    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        if (objectType.Assembly == typeof(BatchContractResolver).Assembly && !typeof(Exception).IsAssignableFrom(objectType))
            contract.OnSerializingCallbacks.Add((model, _) => BatchRequestValidator.Validate(model));
        BatchDiscriminatorContract.Apply(contract);
        return contract;
    }
}
