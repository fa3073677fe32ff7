using System;
using System.Collections.Generic;
using System.Linq;

namespace Batch.Sdk.Testing.Spec;

/// <summary>A spec path such as <c>/1.1/{apiKey}/campaigns/{campaignToken}</c>, matched segment by segment.</summary>
internal sealed class SpecPathTemplate
{
    private readonly string[] _segments;

    public SpecPathTemplate(string template)
    {
        Template = template;
        _segments = Split(template);
        LiteralCount = _segments.Count(segment => !IsParameter(segment));
    }

    public string Template { get; }

    /// <summary>How specific the template is: <c>/campaigns/list</c> wins over <c>/campaigns/{campaignToken}</c>.</summary>
    public int LiteralCount { get; }

    /// <summary>The path parameters' values (unescaped) when <paramref name="path"/> fits the template, else null.</summary>
    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        var segments = Split(path);
        if (segments.Length != _segments.Length)
            return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            if (IsParameter(_segments[i]))
            {
                if (segments[i].Length == 0)
                    return null;
                values[_segments[i].Substring(1, _segments[i].Length - 2)] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(_segments[i], segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return values;
    }

    private static string[] Split(string path) => path.Trim('/').Split('/');

    private static bool IsParameter(string segment) => segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);
}
