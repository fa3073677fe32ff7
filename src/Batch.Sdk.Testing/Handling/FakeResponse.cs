using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Handling;

/// <summary>What the fake answers: a status with an optional JSON body and headers, or a dropped connection.</summary>
internal sealed class FakeResponse
{
    public FakeResponse(int status, JToken? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        Status = status;
        Body = body;
        Headers = headers ?? new Dictionary<string, string>();
    }

    private FakeResponse()
        : this(0)
    {
        IsDropped = true;
    }

    /// <summary>The connection is closed before any response is sent.</summary>
    public static FakeResponse Dropped { get; } = new();

    public int Status { get; }

    public JToken? Body { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public bool IsDropped { get; }
}
