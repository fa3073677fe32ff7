using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Batch.Sdk.Testing.Spec;

/// <summary>One operation of the spec, with what the fake needs to check a request and answer it.</summary>
internal sealed class SpecOperation
{
    public SpecOperation(
        string id,
        string method,
        SpecPathTemplate path,
        IReadOnlyList<SpecParameter> parameters,
        JsonSchema? bodySchema,
        bool bodyRequired,
        JToken? requestExample,
        int successStatus,
        JToken? successExample,
        IReadOnlyDictionary<string, string> successHeaders)
    {
        Id = id;
        Method = method;
        Path = path;
        Family = ApiFamilies.Of(path.Template);
        Parameters = parameters;
        BodySchema = bodySchema;
        BodyRequired = bodyRequired;
        RequestExample = requestExample;
        SuccessStatus = successStatus;
        SuccessExample = successExample;
        SuccessHeaders = successHeaders;
    }

    /// <summary>The spec's operationId, such as <c>pushCampaigns_create</c>.</summary>
    public string Id { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    public SpecPathTemplate Path { get; }

    public ApiFamily Family { get; }

    /// <summary>The path and query parameters, in the spec's order.</summary>
    public IReadOnlyList<SpecParameter> Parameters { get; }

    /// <summary>The JSON body's schema, or null when the operation takes no body.</summary>
    public JsonSchema? BodySchema { get; }

    public bool BodyRequired { get; }

    /// <summary>The first example of the request body, or null.</summary>
    public JToken? RequestExample { get; }

    /// <summary>The first success status the spec declares for the operation, or the redirect it documents as its result.</summary>
    public int SuccessStatus { get; }

    /// <summary>The first example of that response, or null when it has no body.</summary>
    public JToken? SuccessExample { get; }

    /// <summary>The documented examples of that response's headers (a redirect's <c>Location</c>).</summary>
    public IReadOnlyDictionary<string, string> SuccessHeaders { get; }

    public override string ToString() => Id;
}
