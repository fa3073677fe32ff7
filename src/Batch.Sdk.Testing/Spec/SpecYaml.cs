using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using SharpYaml;
using SharpYaml.Serialization;

namespace Batch.Sdk.Testing.Spec;

/// <summary>
/// Reads the spec's YAML as plain JSON. Example values are taken from here rather than from Microsoft.OpenApi's
/// model, whose 1.x reader turns date-like strings (<c>'2017-07-05T13:30:02'</c>) into dates and writes them back
/// with a zone, which would change the documented examples.
/// </summary>
internal static class SpecYaml
{
    public static JObject ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (JObject)Convert(stream.Documents[0].RootNode);
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(mapping.Children.Select(child =>
            new JProperty(((YamlScalarNode)child.Key).Value, Convert(child.Value)))),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => JValue.CreateNull(),
    };

    /// <summary>Quoted scalars are strings; plain ones follow YAML's core schema (null, booleans, numbers).</summary>
    private static JToken Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain)
            return new JValue(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return JValue.CreateNull();
            case "true" or "True" or "TRUE":
                return new JValue(true);
            case "false" or "False" or "FALSE":
                return new JValue(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return new JValue(integer);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return new JValue(number);
        return new JValue(text);
    }
}
