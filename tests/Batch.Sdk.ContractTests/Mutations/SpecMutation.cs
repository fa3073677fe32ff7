using System.Linq;
using Batch.Sdk.ContractTests.Spec;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.ContractTests.Mutations;

/// <summary>A broken copy of the repository's spec, and the edits that break it.</summary>
internal sealed class SpecMutation
{
    public SpecDocument Spec { get; } = SpecDocument.Current.Clone();

    public JObject Operation(string operationId) => Spec.Operation(operationId).Node;

    public JObject Component(string kind, string name) => (JObject)Spec.Root["components"]![kind]![name]!;

    public JObject ResponseExample(string operationId, string status, string example) =>
        (JObject)Operation(operationId)["responses"]![status]!["content"]!["application/json"]!["examples"]![example]!["value"]!;

    public JObject RequestExample(string operationId, string example) =>
        (JObject)Operation(operationId)["requestBody"]!["content"]!["application/json"]!["examples"]![example]!["value"]!;

    /// <summary>Renames a property in place, keeping its value and position.</summary>
    public static void Rename(JObject owner, string from, string to) => owner.Property(from)!.Replace(new JProperty(to, owner[from]!));

    public JObject Path(string path) => (JObject)Spec.Root["paths"]![path]!;

    public void RenamePath(string from, string to) => Rename((JObject)Spec.Root["paths"]!, from, to);

    public static bool Mentions(System.Collections.Generic.IEnumerable<string> problems, string text) => problems.Any(problem => problem.Contains(text));
}
