using System;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Pipeline;

/// <summary>Waits and time limits measured by a <see cref="TimeProvider"/>, so that tests can drive them with a fake clock.</summary>
internal static class BatchClock
{
    /// <summary>Completes after <paramref name="delay"/>, or fails with <see cref="OperationCanceledException"/> as soon as the token is cancelled.</summary>
    public static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, time, cancellationToken);
#else
        time.Delay(delay, cancellationToken);
#endif
}
