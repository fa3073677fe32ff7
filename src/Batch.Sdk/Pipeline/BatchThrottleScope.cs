using System;
using System.Threading;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// Lets a caller learn that Batch answered TOO_MANY_REQUESTS (429) during the calls it makes, even when the retry
/// policy absorbs the 429 and the call succeeds. The bulk sender opens a scope around each call so that its pacer slows
/// down; the send guard (<see cref="BatchSendGuard"/>) reports every 429 it sees with <see cref="OnThrottled"/>, whichever layer retries. Scopes flow with the async context
/// (AsyncLocal), so concurrent calls report to their own observer.
/// </summary>
internal static class BatchThrottleScope
{
    private static readonly AsyncLocal<Action<TimeSpan>?> Current = new();

    /// <summary>Reports throttling to <paramref name="observer"/> until the returned scope is disposed.</summary>
    /// <param name="observer">Called with the wait before the next attempt (at least Batch's 5 seconds).</param>
    public static Scope Observe(Action<TimeSpan> observer)
    {
        var previous = Current.Value;
        Current.Value = observer;
        return new Scope(previous);
    }

    /// <summary>Called by the send guard for every 429 response, with the wait Batch asked for (at least 5 seconds).</summary>
    public static void OnThrottled(TimeSpan wait) => Current.Value?.Invoke(wait);

    /// <summary>Restores the previous observer.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly Action<TimeSpan>? _previous;

        internal Scope(Action<TimeSpan>? previous) => _previous = previous;

        /// <inheritdoc />
        public void Dispose() => Current.Value = _previous;
    }
}
