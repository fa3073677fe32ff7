using System;
using System.Collections.Generic;
using System.Linq;
using Batch.Sdk.Testing.Spec;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.ContractTests.Spec;

/// <summary>
/// <c>spec/openapi.yaml</c> as JSON, with local <c>$ref</c>s resolved on demand. Mutation tests break a
/// <see cref="Clone"/> and run the same checks on it.
/// </summary>
internal sealed class SpecDocument
{
    private static readonly Lazy<SpecDocument> Repository = new(() => new SpecDocument(SpecYaml.ToJson(SpecFiles.OpenApiYaml)));

    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public SpecDocument(JObject root) => Root = root;

    /// <summary>The repository's spec; shared, so never mutate it: <see cref="Clone"/> first.</summary>
    public static SpecDocument Current => Repository.Value;

    public JObject Root { get; }

    public SpecDocument Clone() => new((JObject)Root.DeepClone());

    public IReadOnlyList<SpecOperation> Operations =>
        ((JObject)Root["paths"]!).Properties()
            .SelectMany(path => ((JObject)path.Value).Properties()
                .Where(method => HttpMethods.Contains(method.Name))
                .Select(method => new SpecOperation(this, path.Name, method.Name, (JObject)method.Value)))
            .ToList();

    public SpecOperation Operation(string operationId) =>
        Operations.SingleOrDefault(operation => operation.Id == operationId)
        ?? throw new InvalidOperationException($"The spec has no operation {operationId}.");

    /// <summary>Follows <c>$ref</c> until it reaches a node that is not a reference.</summary>
    public JToken Resolve(JToken node) => SpecJsonPointer.Resolve(Root, node)!;
}

/// <summary>One operation of the spec (a path and an HTTP method).</summary>
internal sealed record SpecOperation(SpecDocument Spec, string Path, string Method, JObject Node)
{
    public string Id => (string)Node["operationId"]!;

    /// <summary>The client of the operation: <c>pushCampaigns</c> in <c>pushCampaigns_getStats</c>.</summary>
    public string ClientName => Id.Substring(0, Id.IndexOf('_'));

    /// <summary>The method of the operation: <c>getStats</c> in <c>pushCampaigns_getStats</c>.</summary>
    public string Verb => Id.Substring(Id.IndexOf('_') + 1);

    /// <summary>Reads, and writes the spec marks <c>x-batch-idempotent: true</c>, may be sent twice.</summary>
    public bool IsSafeToRepeat => Method == "get" || (bool?)Node["x-batch-idempotent"] == true;

    public IReadOnlyList<JObject> Parameters =>
        (Spec.Root["paths"]![Path]!["parameters"] as JArray ?? new JArray()).Concat(Node["parameters"] as JArray ?? new JArray())
            .Select(parameter => (JObject)Spec.Resolve(parameter))
            .ToList();

    public JObject? RequestBody => Node["requestBody"] is { } body ? (JObject)Spec.Resolve(body) : null;

    public SpecContent? RequestContent => RequestBody is { } body ? SpecContent.From(Spec, body) : null;

    public IReadOnlyList<SpecResponse> Responses =>
        ((JObject)Node["responses"]!).Properties()
            .Select(response => new SpecResponse(this, response.Name, (JObject)Spec.Resolve(response.Value)))
            .ToList();

    /// <summary>The names of the security schemes the operation requires (its own, else the document's).</summary>
    public IReadOnlyList<string> SecuritySchemes =>
        ((Node["security"] ?? Spec.Root["security"]) as JArray ?? new JArray())
            .SelectMany(requirement => ((JObject)requirement).Properties().Select(scheme => scheme.Name))
            .ToList();

    public override string ToString() => Id;
}

/// <summary>One declared response of an operation.</summary>
internal sealed record SpecResponse(SpecOperation Operation, string Status, JObject Node)
{
    public int StatusCode => int.Parse(Status, System.Globalization.CultureInfo.InvariantCulture);

    public bool IsError => StatusCode >= 400;

    public bool IsRedirect => StatusCode is >= 300 and < 400;

    public SpecContent? Content => SpecContent.From(Operation.Spec, Node);

    /// <summary>The documented examples of the response's headers, such as a redirect's <c>Location</c>.</summary>
    public IReadOnlyDictionary<string, string> HeaderExamples =>
        (Node["headers"] as JObject ?? new JObject()).Properties()
            .Select(header => (header.Name, Example: Operation.Spec.Resolve(header.Value)["example"]))
            .Where(header => header.Example is JValue)
            .ToDictionary(header => header.Name, header => header.Example!.ToString());
}

/// <summary>The first media type of a request body or response, with its schema and named examples (resolved).</summary>
internal sealed record SpecContent(string MediaType, JToken? Schema, IReadOnlyDictionary<string, JObject> Examples)
{
    public static SpecContent? From(SpecDocument spec, JObject owner)
    {
        if (owner["content"] is not JObject content || content.Properties().FirstOrDefault() is not { } media)
            return null;
        var examples = (media.Value["examples"] as JObject ?? new JObject())
            .Properties()
            .ToDictionary(example => example.Name, example => (JObject)spec.Resolve(example.Value));
        return new SpecContent(media.Name, media.Value["schema"], examples);
    }
}
