using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Net.Http;
using Batch.Sdk.Security;

namespace Batch.Sdk;

/// <summary>
/// A response's headers as the generated code hands them to <see cref="BatchRedirect"/> and
/// <see cref="BatchApiException"/>: collected (and any key in them masked) only when first read, so a call that
/// succeeds never enumerates, parses or copies them.
/// </summary>
internal sealed class BatchResponseHeaders : IReadOnlyDictionary<string, IEnumerable<string>>
{
    private readonly HttpResponseMessage _response;
    private readonly BatchRedactor _redactor;
    private IReadOnlyDictionary<string, IEnumerable<string>>? _collected;

    public BatchResponseHeaders(HttpResponseMessage response, BatchRedactor redactor)
    {
        _response = response;
        _redactor = redactor;
    }

    private IReadOnlyDictionary<string, IEnumerable<string>> Collected
    {
        get
        {
            return _collected ??= Redacted(_response, _redactor);
        }
    }

    /// <summary>The headers with any key in them masked (in the response too), as results and exceptions keep them.</summary>
    public static IReadOnlyDictionary<string, IEnumerable<string>> Redacted(HttpResponseMessage response, BatchRedactor redactor)
    {
        redactor.RedactHeaders(response, response.RequestMessage?.RequestUri);
        return Collect(response);
    }

    /// <summary>A copy of the response and content headers, the content's winning on a shared name.</summary>
    public static IReadOnlyDictionary<string, IEnumerable<string>> Collect(HttpResponseMessage response)
    {
        var headers = response.Headers.ToDictionary(header => header.Key, header => header.Value, StringComparer.OrdinalIgnoreCase);
        if (response.Content is not null)
        {
            foreach (var header in response.Content.Headers)
                headers[header.Key] = header.Value;
        }

        return headers;
    }

    public IEnumerable<string> this[string key] => Collected[key];

    public IEnumerable<string> Keys => Collected.Keys;

    public IEnumerable<IEnumerable<string>> Values => Collected.Values;

    public int Count => Collected.Count;

    public bool ContainsKey(string key) => Collected.ContainsKey(key);

#if NET8_0_OR_GREATER
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IEnumerable<string> value) => Collected.TryGetValue(key, out value);
#else
    public bool TryGetValue(string key, out IEnumerable<string> value) => Collected.TryGetValue(key, out value!);
#endif

    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Collected.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
