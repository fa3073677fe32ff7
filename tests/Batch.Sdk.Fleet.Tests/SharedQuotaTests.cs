using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Batch.Sdk.Testing;

namespace Batch.Sdk.Fleet.Tests;

/// <summary>
/// Two service instances, in two processes, sync profiles to one Batch project and share its profile-update quota
/// through a Redis token bucket: together they stay within the quota and use most of it.
/// </summary>
public sealed class SharedQuotaTests
{
    /// <summary>The shared quota, in profile updates a second (scaled from Batch's 300 so that the test takes seconds).</summary>
    private const int Rate = 2_000;

    /// <summary>Per instance: together, six seconds of the quota.</summary>
    private const int PerInstance = 3 * Rate;

    [Fact]
    public async Task Two_processes_sharing_the_quota_through_Redis_stay_within_it_and_use_most_of_it()
    {
        using var engine = new RedisEngine();
        // The fake enforces the rate; its burst of two seconds leaves the bucket under test (Redis's, which refills
        // once per whole second) to decide how much goes out each second.
        await using var fake = BatchFakeServer.Start(new BatchFakeServerOptions
        {
            Quotas = new BatchFakeQuotas { ProfilesUpdate = new BatchFakeQuota(Rate, 2 * Rate) },
        });

        // Both instances start together on a whole second, a few seconds from now (time for the processes to start).
        var startAt = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5) * 1000;
        var outputs = await Task.WhenAll(RunInstance(engine, fake, "a-", startAt), RunInstance(engine, fake, "b-", startAt));

        var usage = fake.GetQuotaUsage(BatchFakeQuotaKind.ProfilesUpdate);
        usage.AcceptedPermits.ShouldBe(2 * PerInstance, $"{engine.Name}: {string.Join(" | ", outputs)}");
        usage.RefusedRequests.ShouldBe(0);
        // The Redis bucket grants at most one second of quota per wall-clock second: count the seconds the updates
        // arrived in, first and last included.
        var seconds = usage.LastAccepted!.Value.ToUnixTimeSeconds() - usage.FirstAccepted!.Value.ToUnixTimeSeconds() + 1;
        var rate = usage.AcceptedPermits / (double)seconds;
        rate.ShouldBeLessThanOrEqualTo(Rate, $"{engine.Name}: {usage.AcceptedPermits} updates in {seconds} s");
        rate.ShouldBeGreaterThan(0.9 * Rate, $"{engine.Name}: {usage.AcceptedPermits} updates in {seconds} s");
    }

    private static async Task<string> RunInstance(RedisEngine engine, BatchFakeServer fake, string prefix, long startAt)
    {
        var worker = typeof(SharedQuotaTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FleetWorker").Value!;
        File.Exists(worker).ShouldBeTrue($"the fleet worker is built next to this test: {worker}");
        var start = new ProcessStartInfo("dotnet", [worker])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["FLEET_REDIS"] = engine.Endpoint,
                ["FLEET_RATE"] = Rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["FLEET_COUNT"] = PerInstance.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["FLEET_PREFIX"] = prefix,
                ["FLEET_START_AT"] = startAt.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["BATCH_BASE_ADDRESS"] = fake.Url.ToString(),
                ["BATCH_REST_API_KEY"] = fake.RestApiKey,
                ["BATCH_PROJECT_KEY"] = fake.ProjectKey,
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var text = $"{prefix}: {(await output).Trim()} {(await error).Trim()}";
        process.ExitCode.ShouldBe(0, text);
        return text;
    }
}
