using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.ContractTests.Contract;

/// <summary>Structural JSON comparison that names each difference, and a search for fields the SDK's models did not declare.</summary>
internal static class JsonComparison
{
    /// <summary>Parses JSON as the SDK does: date-like strings stay strings.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.Load(reader);
    }

    /// <summary>
    /// Where <paramref name="actual"/> differs from <paramref name="expected"/>: a missing or extra property, or a
    /// different value. Numbers compare by value (JSON does not distinguish <c>1</c> from <c>1.0</c>); property order
    /// is irrelevant; array order matters.
    /// </summary>
    public static IReadOnlyList<string> Differences(JToken expected, JToken actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    /// <summary>
    /// <c>2025-12-06T15:01:31.290Z</c> and <c>2025-12-06T15:01:31.29Z</c> are the same RFC 3339 instant: a date-time
    /// read into a DateTimeOffset is written back without the fraction's trailing zeros, which loses nothing.
    /// </summary>
    private static string WithoutTrailingFractionZeros(string text) =>
        FractionZeros.Replace(text, match => match.Groups[1].Value.TrimEnd('0').TrimEnd('.'));

    private static readonly Regex FractionZeros = new(@"(?<=T\d{2}:\d{2}:\d{2})(\.\d+)(?=(Z|[+-]\d{2}:\d{2})$)", RegexOptions.CultureInvariant);

    /// <summary>The paths of model objects whose <c>AdditionalProperties</c> caught JSON fields their schema does not declare.</summary>
    public static IReadOnlyList<string> UndeclaredFields(object? model)
    {
        var found = new List<string>();
        Walk(model, "$", found);
        return found;
    }

    private static void Compare(JToken expected, JToken actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (JObject left, JObject right):
                foreach (var property in left.Properties())
                {
                    if (right[property.Name] is { } value)
                        Compare(property.Value, value, $"{path}.{property.Name}", differences);
                    else
                        differences.Add($"{path}.{property.Name} is missing");
                }

                differences.AddRange(right.Properties().Where(property => left[property.Name] is null)
                    .Select(property => $"{path}.{property.Name} is not in the documented JSON ({property.Value.ToString(Newtonsoft.Json.Formatting.None)})"));
                break;
            case (JArray left, JArray right) when left.Count == right.Count:
                for (var i = 0; i < left.Count; i++)
                    Compare(left[i], right[i], $"{path}[{i}]", differences);
                break;
            case (JValue { Type: JTokenType.Integer or JTokenType.Float } left, JValue { Type: JTokenType.Integer or JTokenType.Float } right)
                when left.Value<decimal>() == right.Value<decimal>():
                break;
            case (JValue { Type: JTokenType.String } left, JValue { Type: JTokenType.String } right)
                when WithoutTrailingFractionZeros((string)left!) == WithoutTrailingFractionZeros((string)right!):
                break;
            default:
                if (!JToken.DeepEquals(expected, actual))
                    differences.Add($"{path} is {actual.ToString(Newtonsoft.Json.Formatting.None)}, documented {expected.ToString(Newtonsoft.Json.Formatting.None)}");
                break;
        }
    }

    private static void Walk(object? node, string path, List<string> found)
    {
        switch (node)
        {
            case null or string or JToken:
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                    Walk(entry.Value, $"{path}.{entry.Key}", found);
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                    Walk(item, $"{path}[{index++}]", found);
                return;
        }

        var type = node.GetType();
        if (type.Assembly != typeof(BatchClient).Assembly)
            return;
        foreach (var property in type.GetProperties().Where(property => property.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(node);
            if (property.Name == "AdditionalProperties" && value is IDictionary { Count: > 0 } extra)
                found.Add($"{path} has undeclared fields {string.Join(", ", extra.Keys.Cast<object>())}");
            else if (property.Name != "AdditionalProperties")
                Walk(value, $"{path}.{property.Name}", found);
        }
    }
}
