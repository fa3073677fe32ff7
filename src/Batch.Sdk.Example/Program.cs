// The README's "run" command: a realistic session with both Batch API families.
// With BATCH_REST_API_KEY (plus BATCH_PROJECT_KEY and BATCH_APP_API_KEY) in the environment it talks to the real
// API; without, it starts the embedded fake Batch server in-process and says so.
using Batch.Sdk;
using Batch.Sdk.Example;
using Batch.Sdk.Testing;

using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

var restApiKey = Environment.GetEnvironmentVariable("BATCH_REST_API_KEY");
BatchFakeServer? fake = null;
BatchClientOptions options;
if (string.IsNullOrWhiteSpace(restApiKey))
{
    // The fake enforces Batch's rate limits, the profile-update one scaled so that the sync takes seconds.
    fake = BatchFakeServer.Start(new BatchFakeServerOptions { Quotas = ProfileSync.FakeQuotas });
    options = fake.Options;
    Console.WriteLine($"No BATCH_REST_API_KEY set: running against the embedded fake Batch server at {fake.Url}.");
}
else
{
    options = new BatchClientOptions
    {
        RestApiKey = restApiKey,
        ProjectKey = Environment.GetEnvironmentVariable("BATCH_PROJECT_KEY"),
        AppApiKey = Environment.GetEnvironmentVariable("BATCH_APP_API_KEY"),
    };
    Console.WriteLine($"Running against the real Batch API ({options.BaseAddress}).");
}

// What an OpenTelemetry setup would export (AddSource("Batch.Sdk")), summed up at the end.
using var telemetry = new TelemetrySummary();
try
{
    using var batch = new BatchClient(options);
    await new ExampleFlow(batch, Console.Out).RunAsync(cancellation.Token);
    await new ProfileSync(batch, Console.Out, onFake: fake is not null).RunAsync(cancellation.Token);
    telemetry.Print(Console.Out);
    Console.WriteLine("Done.");
    return 0;
}
catch (Exception error) when (error is BatchApiException or BatchOutcomeUnknownException or ArgumentException or OperationCanceledException or InvalidOperationException)
{
    Console.Error.WriteLine($"The example failed: {error.Message}");
    return 1;
}
finally
{
    if (fake is not null)
        await fake.DisposeAsync();
}
