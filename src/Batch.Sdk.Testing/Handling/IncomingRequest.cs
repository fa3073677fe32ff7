using System.Collections.Generic;

namespace Batch.Sdk.Testing.Handling;

/// <summary>A request as the fake sees it: the raw path (percent-encoding kept), first query values, headers and body text.</summary>
internal sealed record IncomingRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
