using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>
/// A <see cref="BatchClient"/> whose HttpClient runs the SDK pipeline (<see cref="BatchResilienceHandler"/> and the send guard) on a fake clock, with a capturing
/// logger and an <see cref="AttemptRecorder"/>. Calls are driven by advancing the fake clock in small steps while no
/// request is on the network, so back-off waits pass instantly and network time never counts against the policy;
/// a request stalled for a second of real time (a slow answer) lets the clock run so that its timeout can fire.
/// </summary>
internal sealed class RetryHarness : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StallPatience = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    public RetryHarness(LoopbackServer server, Action<BatchRetryOptions>? configure = null, Uri? baseAddress = null)
    {
        var options = new BatchRetryOptions
        {
            MaxJitter = TimeSpan.Zero,
            AttemptTimeout = TimeSpan.FromHours(1),
            TotalTimeout = TimeSpan.FromHours(23),
        };
        configure?.Invoke(options);
        Recorder = new AttemptRecorder(Clock) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };
        var clientOptions = server.Options();
        clientOptions.BaseAddress = baseAddress ?? clientOptions.BaseAddress;
        clientOptions.Retry = options;
        Batch = new BatchClient(clientOptions, Recorder, disposeTransport: true, Clock, Logger);
    }

    public FakeTimeProvider Clock { get; } = new();

    public CapturingLogger Logger { get; } = new();

    public AttemptRecorder Recorder { get; }

    public BatchClient Batch { get; }

    public HttpClient HttpClient => Batch.HttpClient;


    public async Task<T> RunAsync<T>(Func<BatchClient, Task<T>> call)
    {
        var task = call(Batch);
        await DriveClockUntil(task);
        return await task;
    }

    public async Task RunAsync(Func<BatchClient, Task> call)
    {
        var task = call(Batch);
        await DriveClockUntil(task);
        await task;
    }

    /// <summary>Advances the fake clock until <paramref name="task"/> completes; fails if it hangs.</summary>
    public async Task DriveClockUntil(Task task)
    {
        var started = Stopwatch.GetTimestamp();
        while (!task.IsCompleted)
        {
            if (Stopwatch.GetElapsedTime(started) > HangGuard)
                throw new TimeoutException("The call did not complete: the pipeline hangs.");
            if (!Recorder.HasInFlight || Recorder.HasStalledRequest(StallPatience))
                Clock.Advance(Step);
            await Task.WhenAny(task, Task.Delay(1));
        }
    }

    public void Dispose() => Batch.Dispose();
}
