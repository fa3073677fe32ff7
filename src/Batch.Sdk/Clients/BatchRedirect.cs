using System;
using System.Collections.Generic;
using System.Linq;

namespace Batch.Sdk;

/// <summary>
/// A redirect that an operation documents as its result (the spec's <c>x-batch-redirect</c>), such as the 307 of the
/// export file download. The SDK never follows it, so the Batch credentials never reach the host it names: fetch
/// <see cref="Location"/> yourself, with an HttpClient that carries no Batch keys. Extends the response class NSwag
/// generates (nswag.json <c>responseClass</c>), which carries the status and the headers.
/// </summary>
public partial class BatchRedirect
{
    /// <summary>
    /// Where the resource can be fetched (the <c>Location</c> header); null only if the answer carried none. An export
    /// file's link expires 20 minutes after the call: call the operation again for a new one.
    /// </summary>
    public Uri? Location =>
        Headers.FirstOrDefault(header => string.Equals(header.Key, "Location", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault() is { } value
        && Uri.TryCreate(value, UriKind.Absolute, out var location)
            ? location
            : null;

    /// <summary>Called by the generated clients for the documented redirect: it is the result unless it names no location.</summary>
    internal static BatchRedirect From(int status, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        var redirect = new BatchRedirect(status, headers);
        if (redirect.Location is null)
            throw new BatchApiException($"Batch answered {status} without an absolute Location header.", status, null, headers, null);
        return redirect;
    }
}

/// <summary>
/// The generic form of <see cref="BatchRedirect"/> that NSwag generates beside it (nswag.json <c>responseClass</c>): a
/// documented redirect that also carries a body. No operation of the spec answers one today.
/// </summary>
/// <typeparam name="TResult">The type of the body.</typeparam>
public partial class BatchRedirect<TResult>
{
}
