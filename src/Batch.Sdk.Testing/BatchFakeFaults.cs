using System;

namespace Batch.Sdk.Testing;

/// <summary>
/// Failures the fake injects on demand, so that tests can exercise how code handles the SDK's exceptions and
/// retries. Thread-safe; faults apply to every route, known or not, before authentication.
/// </summary>
/// <remarks>
/// Order when several are active: the latency is added first, then a dropped connection, then TOO_MANY_REQUESTS,
/// then MAINTENANCE_ERROR. Each counted fault (<see cref="DropNextConnections"/>, <see cref="RateLimitNext"/>)
/// consumes one of its requests per call it fails.
/// </remarks>
public sealed class BatchFakeFaults
{
    private readonly object _gate = new();
    private int _dropsLeft;
    private int _rateLimitsLeft;
    private TimeSpan _retryAfter;
    private bool _maintenance;
    private TimeSpan _latency;

    /// <summary>
    /// Answers the next <paramref name="count"/> requests with TOO_MANY_REQUESTS (HTTP 429, code 60) and a
    /// <c>Retry-After</c> header of <paramref name="retryAfter"/> (whole seconds, rounded up).
    /// </summary>
    /// <param name="count">How many requests to refuse; replaces any count still pending.</param>
    /// <param name="retryAfter">The wait to announce. Batch asks for at least 5 seconds.</param>
    public void RateLimitNext(int count, TimeSpan retryAfter)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), "The count must not be negative.");
        if (retryAfter < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(retryAfter), "The wait must not be negative.");
        lock (_gate)
        {
            _rateLimitsLeft = count;
            _retryAfter = retryAfter;
        }
    }

    /// <summary>
    /// Turns maintenance mode on or off: while on, every request gets MAINTENANCE_ERROR (HTTP 503, code 2).
    /// </summary>
    /// <param name="enabled">Whether Batch is down for maintenance.</param>
    /// <returns>A scope whose disposal restores the previous mode: <c>using (fake.Faults.Maintenance()) { ... }</c>.</returns>
    public IDisposable Maintenance(bool enabled = true)
    {
        lock (_gate)
        {
            var previous = _maintenance;
            _maintenance = enabled;
            return new Restore(() => { lock (_gate) _maintenance = previous; });
        }
    }

    /// <summary>Delays every response by <paramref name="delay"/>, for timeout and cancellation tests.</summary>
    /// <param name="delay">The added latency; <see cref="TimeSpan.Zero"/> removes it.</param>
    /// <returns>A scope whose disposal restores the previous latency.</returns>
    public IDisposable Latency(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(delay), "The latency must not be negative.");
        lock (_gate)
        {
            var previous = _latency;
            _latency = delay;
            return new Restore(() => { lock (_gate) _latency = previous; });
        }
    }

    /// <summary>
    /// Closes the connection of the next <paramref name="count"/> requests without answering: the SDK sees an
    /// <c>HttpRequestException</c>, as after a network failure whose outcome is unknown.
    /// </summary>
    /// <param name="count">How many requests to drop; replaces any count still pending.</param>
    public void DropNextConnections(int count)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), "The count must not be negative.");
        lock (_gate)
            _dropsLeft = count;
    }

    /// <summary>Removes every fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _dropsLeft = 0;
            _rateLimitsLeft = 0;
            _maintenance = false;
            _latency = TimeSpan.Zero;
        }
    }

    /// <summary>Decides the fault of one request, consuming a counted fault if one applies.</summary>
    internal Fault Next()
    {
        lock (_gate)
        {
            if (_dropsLeft > 0)
            {
                _dropsLeft--;
                return new Fault(_latency, FaultKind.Drop, TimeSpan.Zero);
            }

            if (_rateLimitsLeft > 0)
            {
                _rateLimitsLeft--;
                return new Fault(_latency, FaultKind.RateLimit, _retryAfter);
            }

            return new Fault(_latency, _maintenance ? FaultKind.Maintenance : FaultKind.None, TimeSpan.Zero);
        }
    }

    internal enum FaultKind
    {
        None,
        Drop,
        RateLimit,
        Maintenance,
    }

    internal readonly record struct Fault(TimeSpan Latency, FaultKind Kind, TimeSpan RetryAfter);

    private sealed class Restore(Action restore) : IDisposable
    {
        private Action? _restore = restore;

        public void Dispose()
        {
            _restore?.Invoke();
            _restore = null;
        }
    }
}
