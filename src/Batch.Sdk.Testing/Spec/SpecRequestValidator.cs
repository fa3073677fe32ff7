using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Batch.Sdk.Testing.Spec;

/// <summary>
/// Checks a request's parameters and body against its operation: a missing required value is MISSING_PARAMETER,
/// a value of the wrong type or outside a constraint is MALFORMED_PARAMETER, a body that is not JSON is
/// MALFORMED_JSON_BODY.
/// </summary>
internal static class SpecRequestValidator
{
    /// <summary>Returns the first violation, or null; <paramref name="json"/> receives the parsed body when there is one.</summary>
    public static SpecViolation? Validate(
        SpecOperation operation,
        IReadOnlyDictionary<string, string> pathValues,
        IReadOnlyDictionary<string, string> query,
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
        json = Parse(body);
        return json is null
            ? new SpecViolation(SpecViolation.MalformedJsonBody, null)
            : Check(operation.BodySchema, json, label: null);
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

    /// <summary>Parses JSON as Batch sends it: dates stay strings, so that patterns and formats see the original text.</summary>
    private static JToken? Parse(string body)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonReaderException)
        {
            return null;
        }
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
