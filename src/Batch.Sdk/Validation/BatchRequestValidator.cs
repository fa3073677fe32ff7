using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;

namespace Batch.Sdk.Validation;

/// <summary>
/// Checks a model against the constraints the spec declares (NSwag renders them as data annotations: required,
/// minimum length, at most N items, ranges, patterns) and refuses enum members left at <c>Unknown</c>.
/// </summary>
internal static class BatchRequestValidator
{
    private static readonly ConcurrentDictionary<Type, PropertyRule[]> Rules = new();

    /// <exception cref="BatchValidationException">The model breaks at least one constraint.</exception>
    public static void Validate(object model)
    {
        List<string>? problems = null;
        foreach (var rule in Rules.GetOrAdd(model.GetType(), CreateRules))
        {
            var problem = rule.Check(model);
            if (problem is not null)
                (problems ??= []).Add(problem);
        }

        if (problems is not null)
            throw new BatchValidationException(model.GetType().Name, problems);
    }

    private static PropertyRule[] CreateRules(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0)
            .Select(property => new PropertyRule(type.Name, property))
            .Where(rule => rule.HasChecks)
            .ToArray();

    private sealed class PropertyRule
    {
        private readonly PropertyInfo _property;
        private readonly ValidationAttribute[] _attributes;
        private readonly bool _isEnum;
        private readonly string _label;

        public PropertyRule(string typeName, PropertyInfo property)
        {
            _property = property;
            _attributes = property.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray();
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            _isEnum = type.IsEnum;
            var jsonName = property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? property.Name;
            _label = $"{typeName}.{property.Name} ('{jsonName}')";
        }

        public bool HasChecks => _attributes.Length > 0 || _isEnum;

        public string? Check(object model)
        {
            var value = _property.GetValue(model);
            if (_isEnum && value is not null && Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0)
                return $"{_label} is Unknown: set one of the documented values.";
            foreach (var attribute in _attributes)
            {
                if (!attribute.IsValid(value))
                    return Describe(attribute);
            }

            return null;
        }

        private string Describe(ValidationAttribute attribute) => attribute switch
        {
            RequiredAttribute => $"{_label} is required.",
            StringLengthAttribute length when length.MaximumLength == int.MaxValue =>
                $"{_label} must be at least {length.MinimumLength} characters long.",
            StringLengthAttribute length =>
                $"{_label} must be {length.MinimumLength} to {length.MaximumLength} characters long.",
            MinLengthAttribute length => $"{_label} must have at least {length.Length} {Units(length.Length)}.",
            MaxLengthAttribute length => $"{_label} must have at most {length.Length} {Units(length.Length)}.",
            RangeAttribute range => $"{_label} must be between {range.Minimum} and {range.Maximum}.",
            RegularExpressionAttribute pattern => $"{_label} must match the pattern {pattern.Pattern}.",
            _ => attribute.FormatErrorMessage(_label),
        };

        private string Units(int count) =>
            typeof(IEnumerable).IsAssignableFrom(_property.PropertyType) && _property.PropertyType != typeof(string)
                ? (count == 1 ? "item" : "items")
                : (count == 1 ? "character" : "characters");
    }
}
