using System.Collections.Concurrent;
using System.Diagnostics;
using Batch.Sdk.Telemetry;

namespace Batch.Sdk.Example;

/// <summary>
/// Listens to the SDK's spans (ActivitySource <c>Batch.Sdk</c>) the way an OpenTelemetry setup would, and prints what
/// they recorded: operations, attempts, throttle waits, unknown outcomes. An app would export them instead.
/// </summary>
internal sealed class TelemetrySummary : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, int> _operations = new();
    private int _calls;
    private int _attempts;
    private int _throttles;
    private int _unknown;
    private int _failed;

    public TelemetrySummary()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BatchTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Print(TextWriter output)
    {
        var busiest = _operations.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(3)
            .Select(pair => $"{pair.Key} x{pair.Value}");
        output.WriteLine(
            $"Telemetry (ActivitySource \"{BatchTelemetry.SourceName}\"): {_calls} operations ({_operations.Count} kinds), " +
            $"{_attempts} attempts, {_throttles} throttle waits, {_unknown} unknown outcomes, {_failed} failed; most called: {string.Join(", ", busiest)}.");
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity span)
    {
        Interlocked.Increment(ref _calls);
        _operations.AddOrUpdate(span.DisplayName, 1, (_, count) => count + 1);
        Interlocked.Add(ref _attempts, span.GetTagItem("batch.attempts") as int? ?? 0);
        Interlocked.Add(ref _throttles, span.GetTagItem("batch.rate_limit.waits") as int? ?? 0);
        if (span.GetTagItem("batch.outcome_unknown") is true)
            Interlocked.Increment(ref _unknown);
        if (span.Status == ActivityStatusCode.Error)
            Interlocked.Increment(ref _failed);
    }
}
