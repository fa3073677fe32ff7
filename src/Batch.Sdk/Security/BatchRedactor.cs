using System;
using System.Linq;

namespace Batch.Sdk.Security;

/// <summary>Removes the REST key, the project key and app keys from text that may reach exceptions or logs.</summary>
internal sealed class BatchRedactor
{
    public const string Mask = "***";

    private readonly string[] _secrets;

    public BatchRedactor(params string?[] secrets)
    {
        // Longest first, so that a key containing another key is removed whole.
        _secrets = secrets
            .Where(secret => !string.IsNullOrEmpty(secret))
            .Select(secret => secret!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(secret => secret.Length)
            .ToArray();
    }

    /// <summary>Replaces every known secret, raw or URL-escaped, with <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
            return text;
        foreach (var secret in _secrets)
        {
            text = Replace(text, secret);
            var escaped = Uri.EscapeDataString(secret);
            if (!string.Equals(escaped, secret, StringComparison.Ordinal))
                text = Replace(text, escaped);
        }

        return text;
    }

    /// <summary>
    /// Describes a request URI for messages and logs: its path only, with the 1.x app key segment masked whatever its
    /// value (the key may belong to another client) and any known secret removed.
    /// </summary>
    public string DescribePath(Uri? uri) => Redact(MaskedPath(uri));

    /// <summary>
    /// The path of a request URI with the 1.x app key segment masked, for code that knows no keys (such as the retry
    /// handler, which may serve several clients). The 2.x paths carry no key.
    /// </summary>
    public static string MaskedPath(Uri? uri) =>
        uri is null ? "(unknown URI)" : MaskAppKeySegment(uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString);

    /// <summary>Masks the segment after a 1.x version segment: <c>/1.1/KEY/campaigns</c> becomes <c>/1.1/***/campaigns</c>.</summary>
    public static string MaskAppKeySegment(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i].StartsWith("1.", StringComparison.Ordinal) && segments[i + 1].Length > 0)
            {
                segments[i + 1] = Mask;
                break;
            }
        }

        return string.Join("/", segments);
    }

    private static string Replace(string text, string secret) =>
        text.IndexOf(secret, StringComparison.Ordinal) < 0 ? text : text.Replace(secret, Mask);
}
