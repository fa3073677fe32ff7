using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>
/// Sits between the send guard and the socket handler and notes, on the fake clock, when each attempt left and
/// when its answer arrived; it also tells the test driver whether a request has been waiting on the network for a while.
/// </summary>
internal sealed class AttemptRecorder(TimeProvider clock) : DelegatingHandler
{
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly ConcurrentDictionary<Attempt, long> _inFlight = new();

    public Attempt[] Attempts => _attempts.OrderBy(attempt => attempt.SentAt).ToArray();

    public bool HasInFlight => !_inFlight.IsEmpty;

    /// <summary>Whether some request has been on the network for longer than <paramref name="patience"/> of real time.</summary>
    public bool HasStalledRequest(TimeSpan patience) =>
        _inFlight.Values.Any(started => Stopwatch.GetElapsedTime(started) > patience);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(clock.GetUtcNow());
        _attempts.Enqueue(attempt);
        _inFlight[attempt] = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            attempt.AnsweredAt = clock.GetUtcNow();
            return response;
        }
        finally
        {
            _inFlight.TryRemove(attempt, out _);
        }
    }

    public sealed class Attempt(DateTimeOffset sentAt)
    {
        public DateTimeOffset SentAt { get; } = sentAt;

        public DateTimeOffset? AnsweredAt { get; set; }
    }
}
