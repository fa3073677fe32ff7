using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Batch.Sdk.ContractTests.Spec;
using Newtonsoft.Json.Linq;
using WireMock;

namespace Batch.Sdk.ContractTests.Contract;

/// <summary>
/// Checks a request the SDK sent against its operation in the spec: method, path template (with the configured app
/// key in <c>{apiKey}</c>), the credential headers of its family and no others, query parameters, content type, and
/// a body valid against the request schema.
/// </summary>
internal static class RequestCheck
{
    /// <summary>The values this suite configures for the spec's header parameters.</summary>
    private static readonly Dictionary<string, string> HeaderValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["X-Batch-Project"] = ContractServer.ProjectKey,
    };

    public static IReadOnlyList<string> Problems(SpecOperation operation, IRequestMessage request)
    {
        var problems = new List<string>();
        var uri = new Uri(request.Url);
        if (!string.Equals(request.Method, operation.Method, StringComparison.OrdinalIgnoreCase))
            problems.Add($"sent {request.Method}, the spec says {operation.Method.ToUpperInvariant()}");
        if (!PathPattern(operation.Path).IsMatch(uri.AbsolutePath))
            problems.Add($"sent path {uri.AbsolutePath.Replace(Uri.EscapeDataString(ContractServer.AppApiKey), "{apiKey}")}, which does not match {operation.Path}");
        problems.AddRange(HeaderProblems(operation, request));
        problems.AddRange(QueryProblems(operation, uri));
        problems.AddRange(BodyProblems(operation, request));
        return problems;
    }

    private static Regex PathPattern(string template) => new("^" + Regex.Replace(Regex.Escape(template), @"\\\{([^}]+)}", match =>
        match.Groups[1].Value == SdkOperation.AppApiKeyParameter ? Regex.Escape(Uri.EscapeDataString(ContractServer.AppApiKey)) : "[^/]+") + "$");

    private static IEnumerable<string> HeaderProblems(SpecOperation operation, IRequestMessage request)
    {
        var expected = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in operation.SecuritySchemes)
        {
            var scheme = operation.Spec.Root["components"]?["securitySchemes"]?[name]
                         ?? throw new InvalidOperationException($"{operation.Id}: unknown security scheme {name}.");
            switch ((string?)scheme["type"], (string?)scheme["in"], (string?)scheme["scheme"])
            {
                case ("apiKey", "header", _):
                    expected[(string)scheme["name"]!] = ContractServer.RestApiKey;
                    break;
                case ("http", _, "bearer"):
                    expected["Authorization"] = "Bearer " + ContractServer.RestApiKey;
                    break;
                default:
                    throw new InvalidOperationException($"{operation.Id}: the security scheme {name} is not one this suite knows how to check.");
            }
        }

        foreach (var parameter in operation.Parameters.Where(parameter => (string?)parameter["in"] == "header"))
        {
            var name = (string)parameter["name"]!;
            expected[name] = HeaderValues.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"{operation.Id}: no value is configured for the header parameter {name}.");
        }

        foreach (var header in expected)
        {
            var sent = Header(request, header.Key);
            if (sent != header.Value)
                yield return sent is null ? $"header {header.Key} is missing" : $"header {header.Key} has the wrong value";
        }

        // Credentials of the other family must not leak into this request.
        foreach (var credential in new[] { "Authorization", "X-Authorization" }.Concat(HeaderValues.Keys).Where(name => !expected.ContainsKey(name)))
        {
            if (Header(request, credential) is not null)
                yield return $"header {credential} is sent although the operation does not use it";
        }
    }

    private static IEnumerable<string> QueryProblems(SpecOperation operation, Uri uri)
    {
        var declared = operation.Parameters.Where(parameter => (string?)parameter["in"] == "query")
            .ToDictionary(parameter => (string)parameter["name"]!);
        var sent = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty));
        foreach (var (name, value) in sent)
        {
            if (!declared.TryGetValue(name, out var parameter))
            {
                yield return $"query parameter {name} is not in the spec";
                continue;
            }

            var schema = parameter["schema"] ?? new JObject();
            foreach (var error in SpecSchemas.Validate(operation.Spec, schema, Typed(value, (string?)schema["type"]), strict: false))
                yield return $"query parameter {name}={value}: {error}";
        }

        foreach (var missing in declared.Values.Where(parameter => parameter["required"]?.Value<bool>() == true && !sent.ContainsKey((string)parameter["name"]!)))
            yield return $"required query parameter {missing["name"]} is missing";
    }

    private static IEnumerable<string> BodyProblems(SpecOperation operation, IRequestMessage request)
    {
        var content = operation.RequestContent;
        if (content is null)
        {
            if (!string.IsNullOrEmpty(request.Body))
                yield return "a body is sent although the operation has none";
            yield break;
        }

        var contentType = Header(request, "Content-Type")?.Split(';')[0].Trim();
        if (!string.Equals(contentType, content.MediaType, StringComparison.OrdinalIgnoreCase))
            yield return $"Content-Type is {contentType ?? "missing"}, the spec says {content.MediaType}";
        if (string.IsNullOrEmpty(request.Body))
        {
            yield return "no body is sent";
            yield break;
        }

        foreach (var error in SpecSchemas.Validate(operation.Spec, content.Schema ?? new JObject(), JsonComparison.Parse(request.Body!), strict: false))
            yield return $"body: {error}";
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static JToken Typed(string value, string? type) => type switch
    {
        "integer" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        "number" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        "boolean" when value is "true" or "false" => value == "true",
        _ => value,
    };
}
