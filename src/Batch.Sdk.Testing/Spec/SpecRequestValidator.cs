using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;
using Batch.Sdk.Serialization;
using Batch.Sdk.Testing.Handling;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Batch.Sdk.Testing.Spec;

/// <summary>
/// Checks a request's parameters and body against its operation: a missing required value is MISSING_PARAMETER,
/// a value of the wrong type or outside a constraint is MALFORMED_PARAMETER, a body that is not JSON (or not sent
/// as <c>application/json</c>, as every Batch page asks) is MALFORMED_JSON_BODY.
/// </summary>
internal static class SpecRequestValidator
{
    /// <summary>Returns the first violation, or null; <paramref name="json"/> receives the parsed body when there is one.</summary>
    public static SpecViolation? Validate(
        SpecOperation operation,
        IReadOnlyDictionary<string, string> pathValues,
        IReadOnlyDictionary<string, string> query,
        string? contentType,
        string body,
        out JToken? json)
    {
        json = null;
        foreach (var parameter in operation.Parameters)
        {
            var values = parameter.Location == SpecParameterLocation.Path ? pathValues : query;
            var violation = CheckParameter(parameter, values.TryGetValue(parameter.Name, out var value) ? value : null);
            if (violation is not null)
                return violation;
        }

        if (operation.BodySchema is null)
            return null;
        if (string.IsNullOrWhiteSpace(body))
            return operation.BodyRequired ? new SpecViolation(SpecViolation.MalformedJsonBody, null) : null;
        if (!IsJson(contentType))
            return new SpecViolation(SpecViolation.MalformedJsonBody, "The request body must be sent with Content-Type: application/json.");
        json = BatchJson.ParseOrNull(body);
        if (json is null)
            return new SpecViolation(SpecViolation.MalformedJsonBody, null);
        // Counting first: a 1,000,000-item array fails on its count without a schema check of every item.
        return TooManyItems(operation.BodySchema, json, path: null) ?? Check(operation.BodySchema, json, label: null);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is { } mediaType &&
        (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The first array longer than its schema's <c>maxItems</c>, found by walking the body's objects and arrays
    /// with their schemas (properties, array items, allOf parts); a count costs nothing next to validating items.
    /// </summary>
    private static SpecViolation? TooManyItems(JsonSchema schema, JToken value, string? path)
    {
        schema = schema.ActualSchema;
        if (value is JArray array)
        {
            if (schema.MaxItems > 0 && array.Count > schema.MaxItems)
                return SpecViolation.Malformed(path ?? "body", string.Create(CultureInfo.InvariantCulture, $"must have at most {schema.MaxItems} items"));
            if (schema.Item is { } itemSchema)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (TooManyItems(itemSchema, array[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")) is { } violation)
                        return violation;
                }
            }
        }
        else if (value is JObject obj)
        {
            foreach (var property in obj.Properties())
            {
                if (property.Value.Type is JTokenType.Array or JTokenType.Object && PropertySchema(schema, property.Name) is { } propertySchema &&
                    TooManyItems(propertySchema, property.Value, path is null ? property.Name : path + "." + property.Name) is { } violation)
                    return violation;
            }
        }

        return null;
    }

    private static JsonSchema? PropertySchema(JsonSchema schema, string name)
    {
        if (schema.ActualProperties.TryGetValue(name, out var property))
            return property;
        return schema.AllOf.Select(part => PropertySchema(part.ActualSchema, name)).FirstOrDefault(found => found is not null);
    }

    private static SpecViolation? CheckParameter(SpecParameter parameter, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return parameter.Required ? SpecViolation.Missing(parameter.Name) : null;
        var type = parameter.Schema.ActualSchema.Type;
        JToken token;
        if (type.HasFlag(JsonObjectType.Integer))
        {
            if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                return SpecViolation.Malformed(parameter.Name, "must be an integer");
            token = new JValue(integer);
        }
        else if (type.HasFlag(JsonObjectType.Number))
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return SpecViolation.Malformed(parameter.Name, "must be a number");
            token = new JValue(number);
        }
        else if (type.HasFlag(JsonObjectType.Boolean))
        {
            if (!bool.TryParse(value, out var flag))
                return SpecViolation.Malformed(parameter.Name, "must be true or false");
            token = new JValue(flag);
        }
        else
        {
            token = new JValue(value);
        }

        return Check(parameter.Schema, token, parameter.Name);
    }

    private static SpecViolation? Check(JsonSchema schema, JToken value, string? label)
    {
        var errors = schema.Validate(value);
        if (errors.Count == 0)
            return null;
        var leaves = Leaves(errors).ToList();
        var missing = leaves.FirstOrDefault(error => error.Kind == ValidationErrorKind.PropertyRequired);
        if (missing is not null)
            return SpecViolation.Missing(Describe(missing, label));
        var first = leaves.FirstOrDefault() ?? errors.First();
        return SpecViolation.Malformed(Describe(first, label), "is invalid (" + Humanize(first.Kind) + ")");
    }

    /// <summary>
    /// The errors that name a concrete problem. Nested errors of allOf, items and additional properties all apply;
    /// those of oneOf/anyOf only describe why each alternative failed, so the oneOf error itself is kept.
    /// </summary>
    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && error.Kind is not (ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf))
            {
                foreach (var nested in Leaves(child.Errors.Values.SelectMany(list => list)))
                    yield return nested;
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string Describe(ValidationError error, string? label)
    {
        var path = (error.Path ?? string.Empty).TrimStart('#').TrimStart('/');
        if (path.Length == 0)
            return label ?? "body";
        return label is null ? path : label + "." + path;
    }

    private static string Humanize(ValidationErrorKind kind) =>
        string.Concat(kind.ToString().Select((letter, index) =>
            index > 0 && char.IsUpper(letter) ? " " + char.ToLowerInvariant(letter) : char.ToLowerInvariant(letter).ToString()));
}
