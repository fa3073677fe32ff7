using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using SharpYaml;
using SharpYaml.Serialization;

namespace Batch.Sdk.ContractTests.Spec;

/// <summary>
/// Reads YAML as JSON, keeping what the OpenAPI object model loses (an explicit <c>additionalProperties: true</c>,
/// the exact JSON of examples). Plain scalars follow the YAML core schema; quoted ones stay strings.
/// </summary>
internal static class YamlJson
{
    private static readonly Regex Integer = new(@"^[-+]?[0-9]+$");
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    public static JToken Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents.Single().RootNode);
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(mapping.Children.Select(pair => new JProperty(((YamlScalarNode)pair.Key).Value, Convert(pair.Value)))),
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
            "null" or "Null" or "NULL" or "~" or "" => JValue.CreateNull(),
            "true" or "True" or "TRUE" => new JValue(true),
            "false" or "False" or "FALSE" => new JValue(false),
            _ when Integer.IsMatch(text) => new JValue(long.Parse(text, CultureInfo.InvariantCulture)),
            _ when Float.IsMatch(text) => new JValue(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => new JValue(text),
        };
    }
}
