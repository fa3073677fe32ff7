using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Writers;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Spec;

/// <summary>
/// The spec the fake serves: its operations (routes, parameters, body schemas, first success response) and its
/// documented errors. Microsoft.OpenApi reads the structure and the schemas; example values come from the YAML
/// itself (see <see cref="SpecYaml"/>). The embedded spec is parsed once per process and shared by every fake.
/// </summary>
internal sealed class BatchSpec
{
    private const string ResourceName = "Batch.Sdk.Testing.openapi.yaml";
    private const string Json = "application/json";

    private static readonly Lazy<BatchSpec> EmbeddedSpec = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, SpecOperation> _byId;
    private readonly SpecRouter _router;

    private BatchSpec(IReadOnlyList<SpecOperation> operations, SpecErrorCatalog errors)
    {
        Operations = operations;
        Errors = errors;
        _byId = operations.ToDictionary(operation => operation.Id, StringComparer.Ordinal);
        _router = new SpecRouter(operations);
    }

    /// <summary>The spec embedded in this assembly (the repository's <c>spec/openapi.yaml</c>).</summary>
    public static BatchSpec Embedded => EmbeddedSpec.Value;

    public IReadOnlyList<SpecOperation> Operations { get; }

    public SpecErrorCatalog Errors { get; }

    /// <summary>The operation with this operationId.</summary>
    /// <exception cref="KeyNotFoundException">The spec has no such operation.</exception>
    public SpecOperation this[string operationId] => _byId[operationId];

    /// <inheritdoc cref="SpecRouter.Route"/>
    public SpecRoute? Route(string method, string path) => _router.Route(method, path);

    /// <summary>Reads a spec from its YAML text.</summary>
    /// <exception cref="InvalidOperationException">The text is not a valid OpenAPI document.</exception>
    public static BatchSpec Load(string yaml)
    {
        var document = new OpenApiStringReader().Read(yaml, out var diagnostic);
        if (diagnostic.Errors.Count > 0)
            throw new InvalidOperationException("The spec is not a valid OpenAPI document: " + diagnostic.Errors[0]);
        var raw = SpecYaml.ToJson(yaml);

        var components = new JObject(document.Components.Schemas.Select(schema =>
            new JProperty(schema.Key, Serialize(schema.Value.SerializeAsV3WithoutReference))));
        var schemas = new SpecSchemaConverter(components, strict: false);
        var operations = new List<SpecOperation>();
        var errors = new SpecErrorCatalog();
        foreach (var path in document.Paths)
        {
            foreach (var entry in path.Value.Operations)
            {
                var draft = new OperationDraft(path.Key, entry.Key, entry.Value);
                CollectErrors(raw, draft, errors);
                operations.Add(draft.Build(raw, schemas));
            }
        }

        return new BatchSpec(operations, errors);
    }

    private static BatchSpec LoadEmbedded()
    {
        using var stream = typeof(BatchSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded spec {ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd());
    }

    private static void CollectErrors(JObject raw, OperationDraft draft, SpecErrorCatalog errors)
    {
        foreach (var response in draft.Operation.Responses.Keys.Where(status => !IsSuccess(status)))
        {
            var examples = SpecJsonPointer.Resolve(raw, draft.RawResponse(raw, response))?["content"]?[Json]?["examples"] as JObject;
            foreach (var example in examples?.Properties() ?? Enumerable.Empty<JProperty>())
            {
                if (SpecJsonPointer.Resolve(raw, example.Value)?["value"] is JObject body)
                    errors.Add(draft.Family, example.Name, int.Parse(response, CultureInfo.InvariantCulture), body);
            }
        }
    }

    private static bool IsSuccess(string status) => status.Length == 3 && status[0] == '2';

    private static JToken Serialize(Action<IOpenApiWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = new OpenApiJsonWriter(text);
        write(writer);
        writer.Flush();
        return JToken.Parse(text.ToString());
    }

    /// <summary>An operation as Microsoft.OpenApi reads it, and how to find its parts in the raw JSON.</summary>
    private sealed class OperationDraft
    {
        public OperationDraft(string template, OperationType type, OpenApiOperation operation)
        {
            Template = template;
            Method = type.ToString().ToUpperInvariant();
            Operation = operation;
            Family = ApiFamilies.Of(template);
            Id = operation.OperationId ?? throw new InvalidOperationException($"{Method} {template} has no operationId.");
            Parameters = operation.Parameters
                .Where(parameter => parameter.In is ParameterLocation.Path or ParameterLocation.Query)
                .ToArray();
            BodySchema = operation.RequestBody?.Content.TryGetValue(Json, out var body) == true ? body.Schema : null;
        }

        public string Template { get; }

        public string Method { get; }

        public string Id { get; }

        public ApiFamily Family { get; }

        public OpenApiOperation Operation { get; }

        public IReadOnlyList<OpenApiParameter> Parameters { get; }

        public OpenApiSchema? BodySchema { get; }

        public JToken? RawResponse(JObject raw, string status) => RawOperation(raw)?["responses"]?[status];

        private JToken? RawOperation(JObject raw) => raw["paths"]?[Template]?[Method.ToLowerInvariant()];

        private JToken? RawParameterExample(JObject raw, OpenApiParameter parameter) =>
            (RawOperation(raw)?["parameters"] as JArray ?? new JArray())
                .Select(node => SpecJsonPointer.Resolve(raw, node))
                .FirstOrDefault(node => (string?)node?["name"] == parameter.Name && (string?)node?["in"] == parameter.In.ToString()!.ToLowerInvariant())?["example"];

        private static JToken? FirstExample(JObject raw, JToken? content) =>
            (SpecJsonPointer.Resolve(raw, content)?["content"]?[Json]?["examples"] as JObject)?.Properties().FirstOrDefault() is { } first
                ? SpecJsonPointer.Resolve(raw, first.Value)?["value"]
                : null;

        /// <summary>The documented headers of a response that carry an example, such as a redirect's Location.</summary>
        private static IReadOnlyDictionary<string, string> HeaderExamples(JObject raw, JToken? response) =>
            (SpecJsonPointer.Resolve(raw, response)?["headers"] as JObject)?.Properties()
                .Select(header => (header.Name, Example: SpecJsonPointer.Resolve(raw, header.Value)?["example"]))
                .Where(header => header.Example is JValue)
                .ToDictionary(header => header.Name, header => header.Example!.ToString(), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>();

        public SpecOperation Build(JObject raw, SpecSchemaConverter schemas)
        {
            var parameters = Parameters.Select(parameter => new SpecParameter(
                parameter.Name,
                parameter.In == ParameterLocation.Path ? SpecParameterLocation.Path : SpecParameterLocation.Query,
                parameter.Required,
                schemas.Compile(Serialize(parameter.Schema.SerializeAsV3)),
                RawParameterExample(raw, parameter))).ToArray();
            // A redirect the spec documents as the result (x-batch-redirect, such as the export download's 307)
            // stands for the success of an operation without a 2xx.
            var success = Operation.Responses.Keys.FirstOrDefault(IsSuccess)
                ?? (string?)RawOperation(raw)?["x-batch-redirect"]?["status"]
                ?? throw new InvalidOperationException($"{Id} declares no success response.");
            return new SpecOperation(
                Id,
                Method,
                new SpecPathTemplate(Template),
                parameters,
                BodySchema is null ? null : schemas.Compile(Serialize(BodySchema.SerializeAsV3)),
                Operation.RequestBody?.Required ?? false,
                FirstExample(raw, RawOperation(raw)?["requestBody"]),
                int.Parse(success, CultureInfo.InvariantCulture),
                FirstExample(raw, RawResponse(raw, success)),
                HeaderExamples(raw, RawResponse(raw, success)));
        }
    }
}
