using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

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
            if (Pipeline.BatchRoutes.IsAppApi(segments[i]) && segments[i + 1].Length > 0)
            {
                segments[i + 1] = Mask;
                break;
            }
        }

        return string.Join("/", segments);
    }

    /// <summary>
    /// The app key of a 1.x request URI (the segment after the version), so that a key given to <c>ForApp</c> is masked
    /// too; null for 2.x paths.
    /// </summary>
    public static string? AppKeyOf(Uri? uri) =>
        AppKeySegment(uri) is (int start, int length) ? Uri.UnescapeDataString(uri!.OriginalString.Substring(start, length)) : null;

    /// <summary>
    /// The app key, unescaped, of a 1.x request path as a server receives it (<c>/1.1/KEY/campaigns/create</c> gives
    /// <c>KEY</c>); null for 2.x paths and when no segment follows the key.
    /// </summary>
    public static string? AppKeyOfPath(string path) =>
        path.Length > 0 && path[0] == '/' && AppKeySegment(path, 0) is (int start, int length)
            ? Uri.UnescapeDataString(path.Substring(start, length))
            : null;

    /// <summary>
    /// Rewrites, in place, the response headers whose values contain a key (a server or proxy may echo one), so that
    /// headers kept on exceptions carry no secret. <paramref name="target"/> is the request URI, whose 1.x app key is
    /// masked too. Nothing is allocated when no header holds a key.
    /// </summary>
    public void RedactHeaders(HttpResponseMessage response, Uri? target)
    {
        var segment = AppKeySegment(target);
        RedactHeaders(response.Headers, target, segment);
        if (response.Content is not null)
            RedactHeaders(response.Content.Headers, target, segment);
    }

    /// <summary>Where the app key segment is in the URI's original string (as sent, escaped), without allocating.</summary>
    private static (int Start, int Length)? AppKeySegment(Uri? uri)
    {
        if (uri is not { IsAbsoluteUri: true })
            return null;
        var text = uri.OriginalString;
        var authority = text.IndexOf("://", StringComparison.Ordinal);
        var pathStart = authority < 0 ? -1 : text.IndexOf('/', authority + 3);
        return pathStart < 0 ? null : AppKeySegment(text, pathStart);
    }

    /// <summary>Where the app key segment is in <paramref name="text"/>, whose path starts with the <c>/</c> at <paramref name="pathStart"/>.</summary>
    private static (int Start, int Length)? AppKeySegment(string text, int pathStart)
    {
        if (!Pipeline.BatchRoutes.IsAppApi(text, pathStart + 1))
            return null;
        var start = text.IndexOf('/', pathStart + 1) + 1;
        var end = start <= 0 ? -1 : text.IndexOfAny(PathEnd, start);
        return end > start ? (start, end - start) : null;
    }

    private static readonly char[] PathEnd = ['/', '?', '#'];

    /// <summary>Whether <paramref name="value"/> contains the <paramref name="length"/> characters of <paramref name="text"/> at <paramref name="start"/>.</summary>
    private static bool Contains(string value, string text, int start, int length) =>
#if NET6_0_OR_GREATER
        value.AsSpan().IndexOf(text.AsSpan(start, length), StringComparison.Ordinal) >= 0;
#else
        value.IndexOf(text.Substring(start, length), StringComparison.Ordinal) >= 0;
#endif

    private void RedactHeaders(HttpHeaders headers, Uri? target, (int Start, int Length)? segment)
    {
        List<KeyValuePair<string, string[]>>? redacted = null;
        string? appApiKey = null;
#if NET6_0_OR_GREATER
        foreach (var header in headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                if (ContainsSecret(value, target, segment))
                {
                    appApiKey ??= AppKeyOf(target);
                    (redacted ??= new()).Add(new(header.Key, header.Value.Select(v => Redact(v, appApiKey)).ToArray()));
                    break;
                }
            }
        }
#else
        foreach (var header in headers)
        {
            if (header.Value.Any(value => ContainsSecret(value, target, segment)))
            {
                appApiKey ??= AppKeyOf(target);
                (redacted ??= new()).Add(new(header.Key, header.Value.Select(v => Redact(v, appApiKey)).ToArray()));
            }
        }
#endif
        if (redacted is null)
            return;
        foreach (var header in redacted)
        {
            headers.Remove(header.Key);
            headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    private bool ContainsSecret(string value, Uri? target, (int Start, int Length)? segment)
    {
        if (segment is (int start, int length) && Contains(value, target!.OriginalString, start, length))
            return true;
        foreach (var secret in _secrets)
        {
            if (value.IndexOf(secret, StringComparison.Ordinal) >= 0)
                return true;
        }

        return false;
    }

    private string Redact(string text, string? appApiKey) =>
        Redact(string.IsNullOrEmpty(appApiKey) ? text : Replace(text, appApiKey!));

    private static string Replace(string text, string secret) =>
        text.IndexOf(secret, StringComparison.Ordinal) < 0 ? text : text.Replace(secret, Mask);
}
