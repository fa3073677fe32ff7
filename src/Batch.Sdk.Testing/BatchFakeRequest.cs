using System;
using System.Collections.Generic;
using Batch.Sdk.Security;
using Batch.Sdk.Serialization;
using Batch.Sdk.Testing.Handling;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing;

/// <summary>
/// A request the fake received, for assertions: which operation it addressed, its headers and body, and the status
/// the fake answered. Values are as sent (keys included, so tests can check them); <see cref="ToString"/> masks them.
/// </summary>
public sealed class BatchFakeRequest
{
    private readonly Lazy<JToken?> _json;
    private readonly string _description;

    internal BatchFakeRequest(
        string? operationId,
        string method,
        string path,
        IReadOnlyDictionary<string, string> query,
        IReadOnlyDictionary<string, string> headers,
        string body,
        int? statusCode)
    {
        OperationId = operationId;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        StatusCode = statusCode;
        _json = new Lazy<JToken?>(() => BatchJson.ParseOrNull(body));
        _description = $"{method} {BatchRedactor.MaskAppKeySegment(path)} -> {(statusCode is int status ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "dropped")}" +
            (operationId is null ? " (no such route)" : $" ({operationId})");
    }

    /// <summary>The spec's operationId of the route (such as <c>pushCampaigns_create</c>), or null for an unknown route.</summary>
    public string? OperationId { get; }

    /// <summary>The HTTP method, such as <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The path as sent, percent-encoding kept; on 1.1 routes it holds the app API key.</summary>
    public string Path { get; }

    /// <summary>The query parameters (first value of each).</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>The request headers, names case-insensitive, several values joined with a comma.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body text; empty when there was none.</summary>
    public string Body { get; }

    /// <summary>The body parsed as JSON (dates kept as strings), or null when it is empty or not JSON.</summary>
    public JToken? Json => _json.Value;

    /// <summary>The status the fake answered, or null when it dropped the connection.</summary>
    public int? StatusCode { get; }

    /// <summary>Method, path with the app key masked, status and operation; never a key, header or body.</summary>
    public override string ToString() => _description;
}
