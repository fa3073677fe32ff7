using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.State;

/// <summary>The transactional sends the fake accepted, per app API key, in arrival order.</summary>
internal sealed class TransactionalLog
{
    private readonly ConcurrentQueue<(string App, JObject Send)> _sends = new();

    public void Add(string app, JObject send) => _sends.Enqueue((app, (JObject)send.DeepClone()));

    public IReadOnlyList<JObject> Snapshot(string app) =>
        _sends.Where(entry => entry.App == app).Select(entry => (JObject)entry.Send.DeepClone()).ToList();
}
