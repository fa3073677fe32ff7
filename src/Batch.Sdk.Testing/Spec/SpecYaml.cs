using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using SharpYaml;
using SharpYaml.Serialization;

namespace Batch.Sdk.Testing.Spec;

/// <summary>
/// Reads the spec's YAML as plain JSON, keeping what Microsoft.OpenApi's model loses: its 1.x reader turns
/// date-like strings (<c>'2017-07-05T13:30:02'</c>) into dates and writes them back with a zone, and drops an
/// explicit <c>additionalProperties: true</c>. Plain scalars follow the YAML core schema; quoted ones stay strings.
/// </summary>
internal static class SpecYaml
{
    private static readonly Regex Integer = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>The single YAML document of <paramref name="yaml"/>, whose root must be a mapping, as JSON.</summary>
    /// <exception cref="InvalidOperationException">The root is not a mapping.</exception>
    public static JObject ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents.Single().RootNode) as JObject
            ?? throw new InvalidOperationException("The spec's YAML root is not a mapping.");
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(mapping.Children.Select(child =>
            new JProperty(((YamlScalarNode)child.Key).Value, Convert(child.Value)))),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"Unsupported YAML node {node.GetType().Name}."),
    };

    private static JToken Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain)
            return new JValue(text);
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => JValue.CreateNull(),
            "true" or "True" or "TRUE" => new JValue(true),
            "false" or "False" or "FALSE" => new JValue(false),
            // An integer too large for a long still matches Float, and is read as a double.
            _ when Integer.IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => new JValue(integer),
            _ when Float.IsMatch(text) => new JValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ => new JValue(text),
        };
    }
}
