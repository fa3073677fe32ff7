using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Reporting;
using Batch.Sdk.Bulk;
using Batch.Sdk.Testing;

namespace Batch.Sdk.Benchmarks.Bulk;

/// <summary>
/// The bulk sender at Batch's rate limits: profile updates through mass-update and through profiles/update, against
/// the fake Batch enforcing scaled quotas. The fake runs in a child process (<c>--serve-fake</c>) so that the memory and
/// allocations measured here are the client's alone. <c>--bulk [--report FILE]</c> runs it and writes the "Bulk" section
/// of FILE (between its bulk markers); <c>--dry</c> runs a few thousand items with the fake in process.
/// </summary>
internal static class BulkBenchmark
{
    private const string SectionStart = "<!-- bulk:start -->";
    private const string SectionEnd = "<!-- bulk:end -->";

    /// <summary>The quotas of the full run: scaled to what the fake sustains on a shared 2-core machine.</summary>
    private static readonly Scenario[] Scenarios =
    {
        new("mass-update", BatchFakeQuotaKind.ProfilesMassUpdate, PerSecond: 5_000, Burst: 10_000),
        new("profiles/update", BatchFakeQuotaKind.ProfilesUpdate, PerSecond: 4_000, Burst: 1_000),
    };

    private static readonly int[] Sizes = { 100_000, 1_000_000 };

    public static async Task<int> RunAsync(string? reportPath)
    {
        var load = MarkdownReport.LoadAverage();
        var started = DateTimeOffset.UtcNow;
        var results = new List<Measurement>();
        foreach (var scenario in Scenarios)
        {
            await using var fake = await ChildFake.StartAsync(scenario).ConfigureAwait(false);
            foreach (var size in Sizes)
            {
                var measurement = await MeasureAsync(scenario, size, fake).ConfigureAwait(false);
                Console.WriteLine(measurement);
                results.Add(measurement);
            }
        }

        var allocation = await AllocationPerItemAsync().ConfigureAwait(false);
        Console.WriteLine($"allocated per item (no sockets, no pacing): {allocation.MassUpdate:N0} B through mass-update, {allocation.Update:N0} B through profiles/update");
        if (reportPath is not null)
        {
            WriteSection(reportPath, Section(results, allocation, load, started));
            Console.WriteLine($"Bulk section written to {reportPath}");
        }

        return 0;
    }

    /// <summary>CI's dry mode: a few thousand items through each endpoint, the fake in process.</summary>
    public static async Task RunDryAsync()
    {
        foreach (var scenario in Scenarios)
        {
            var quotas = new BatchFakeQuotas { ProfilesUpdate = null, ProfilesMassUpdate = null, CatalogItems = null, CatalogRequests = null };
            Assign(quotas, scenario, 10 * scenario.PerSecond);
            await using var fake = BatchFakeServer.Start(new BatchFakeServerOptions { Quotas = quotas });
            using var batch = new BatchClient(fake.Options);
            using var bulk = new BatchBulk(batch, Options(scenario, 10 * scenario.PerSecond));
            var result = await Send(bulk, scenario, Profiles(scenario.Kind == BatchFakeQuotaKind.ProfilesMassUpdate ? 10_001 : 2_000)).ConfigureAwait(false);
            Console.WriteLine($"bulk {scenario.Name} (dry): {result}");
            if (!result.Succeeded)
                throw new InvalidOperationException($"The dry bulk run through {scenario.Name} did not complete.");
        }
    }

    /// <summary>The child process: a fake Batch enforcing one scenario's quota, driven over stdin/stdout.</summary>
    public static async Task<int> ServeFakeAsync(string[] args)
    {
        var index = Array.IndexOf(args, "--serve-fake");
        var scenario = Scenarios.Single(s => s.Name == args[index + 1]);
        var quotas = new BatchFakeQuotas { ProfilesUpdate = null, ProfilesMassUpdate = null, CatalogItems = null, CatalogRequests = null };
        Assign(quotas, scenario, scenario.PerSecond);
        await using var fake = BatchFakeServer.Start(new BatchFakeServerOptions { Quotas = quotas });
        Console.WriteLine(Invariant($"{fake.Url} {fake.RestApiKey} {fake.ProjectKey}"));
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line && line == "usage")
        {
            var usage = fake.GetQuotaUsage(scenario.Kind);
            Console.WriteLine(Invariant($"{usage.AcceptedPermits} {usage.RefusedRequests} {Ms(usage.FirstAccepted)} {Ms(usage.LastRefused)}"));
        }

        return 0;
    }

    private static async Task<Measurement> MeasureAsync(Scenario scenario, int size, ChildFake fake)
    {
        var before = await fake.UsageAsync().ConfigureAwait(false);
        using var batch = new BatchClient(new BatchClientOptions { BaseAddress = fake.Url, RestApiKey = fake.RestApiKey, ProjectKey = fake.ProjectKey });
        using var bulk = new BatchBulk(batch, Options(scenario, scenario.PerSecond));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new HeapSampler();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        var result = await Send(bulk, scenario, Profiles(size)).ConfigureAwait(false);

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var after = await fake.UsageAsync().ConfigureAwait(false);
        var late429 = after.Refused > before.Refused && after.LastRefusedMs - after.FirstAcceptedMs > 1000 && after.LastRefusedMs > before.LastRefusedMs;
        return new Measurement(scenario, size, result.Accepted, result.Elapsed, after.Refused - before.Refused, late429,
            sampler.Peak - baseline, Process.GetCurrentProcess().PeakWorkingSet64, allocated / (double)size, result.Succeeded);
    }

    /// <summary>Client allocations per item, without pacing or sockets: the SDK over a handler that accepts every call.</summary>
    private static async Task<(double MassUpdate, double Update)> AllocationPerItemAsync()
    {
        var options = new BatchClientOptions { BaseAddress = new Uri("https://api.batch.com/"), RestApiKey = "bench_rest", ProjectKey = "bench_project" };
        using var batch = new BatchClient(options, new System.Net.Http.HttpClient(new AcceptingHandler()) { BaseAddress = options.BaseAddress });
        using var bulk = new BatchBulk(batch, new BatchBulkOptions { ProfilesUpdate = BatchQuota.Unpaced(), ProfilesMassUpdate = BatchQuota.Unpaced() });
        const int items = 200_000;
        await bulk.MassUpdateProfilesAsync(Profiles(20_000)).ConfigureAwait(false); // warm-up
        var start = GC.GetTotalAllocatedBytes(precise: true);
        await bulk.MassUpdateProfilesAsync(Profiles(items)).ConfigureAwait(false);
        var mass = (GC.GetTotalAllocatedBytes(precise: true) - start) / (double)items;
        start = GC.GetTotalAllocatedBytes(precise: true);
        await bulk.UpdateProfilesAsync(Profiles(items)).ConfigureAwait(false);
        var update = (GC.GetTotalAllocatedBytes(precise: true) - start) / (double)items;
        return (mass, update);
    }

    private static Task<BatchBulkResult<ProfileUpdate>> Send(BatchBulk bulk, Scenario scenario, IEnumerable<ProfileUpdate> profiles) =>
        scenario.Kind == BatchFakeQuotaKind.ProfilesMassUpdate ? bulk.MassUpdateProfilesAsync(profiles) : bulk.UpdateProfilesAsync(profiles);

    private static BatchBulkOptions Options(Scenario scenario, double perSecond)
    {
        var options = new BatchBulkOptions { MaxParallelism = 8 };
        if (scenario.Kind == BatchFakeQuotaKind.ProfilesMassUpdate)
            options.ProfilesMassUpdate = new BatchQuota(perSecond, scenario.Burst);
        else
            options.ProfilesUpdate = new BatchQuota(perSecond, scenario.Burst);
        return options;
    }

    private static void Assign(BatchFakeQuotas quotas, Scenario scenario, double perSecond)
    {
        var quota = new BatchFakeQuota(perSecond, scenario.Burst);
        if (scenario.Kind == BatchFakeQuotaKind.ProfilesMassUpdate)
            quotas.ProfilesMassUpdate = quota;
        else
            quotas.ProfilesUpdate = quota;
    }

    /// <summary>Profiles generated as they are read: the input itself takes no memory.</summary>
    private static IEnumerable<ProfileUpdate> Profiles(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new ProfileUpdate
            {
                Identifiers = new ProfileIdentifiers { CustomId = "bench-user-" + i.ToString(CultureInfo.InvariantCulture) },
                Attributes = new Dictionary<string, object> { ["plan"] = "premium", ["score"] = i % 100 },
            };
        }
    }

    private static string Section(List<Measurement> results, (double MassUpdate, double Update) allocation, string load, DateTimeOffset started)
    {
        var md = new StringBuilder();
        md.AppendLine(SectionStart);
        md.AppendLine("## Bulk");
        md.AppendLine();
        md.AppendLine(Invariant($"- Date: {started:yyyy-MM-dd HH:mm} UTC (took {(DateTimeOffset.UtcNow - started).TotalMinutes:N1} min); load average before: {load}; after: {MarkdownReport.LoadAverage()} (the machine is shared)"));
        md.AppendLine("- Command: `dotnet run -c Release --project tests/Batch.Sdk.Benchmarks -- --bulk --report tests/Batch.Sdk.Benchmarks/REPORT.md`");
        md.AppendLine("- The fake Batch runs in a child process and enforces the scenario's quota (scaled to what it sustains here);");
        md.AppendLine("  the bulk sender uses the same quota with its defaults (97% of the rate, half the burst: mass updates go 5,000 a call) and 8 calls in flight.");
        md.AppendLine("- Targets: rate / quota >= 0.95; no 429 later than 1 s after the first accepted call; peak managed heap at");
        md.AppendLine("  1,000,000 items within 10% of the peak at 100,000.");
        md.AppendLine();
        md.AppendLine("| Endpoint | Quota (/s) | Items | Time | Rate (/s) | Rate / quota | 429s | 429 after 1 s | Peak heap (client) | Peak working set | Allocated / item |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
        foreach (var m in results)
        {
            md.AppendLine(Invariant($"| {m.Scenario.Name} | {m.Scenario.PerSecond:N0} | {m.Items:N0} | {m.Elapsed.TotalSeconds:N1} s | {m.Rate:N0} | {m.Rate / m.Scenario.PerSecond:N3} | {m.Refused} | {(m.Late429 ? "yes" : "no")} | {m.PeakHeap / 1048576.0:N1} MB | {m.PeakWorkingSet / 1048576.0:N0} MB | {m.AllocatedPerItem:N0} B |"));
        }

        md.AppendLine();
        foreach (var scenario in Scenarios)
        {
            var small = results.Single(r => r.Scenario == scenario && r.Items == Sizes[0]);
            var large = results.Single(r => r.Scenario == scenario && r.Items == Sizes[1]);
            md.AppendLine(Invariant($"- {scenario.Name}: peak heap at 1,000,000 items / at 100,000: {large.PeakHeap / (double)small.PeakHeap:N2}"));
        }

        md.AppendLine(Invariant($"- Client allocations per item without sockets or pacing (a handler that accepts every call): {allocation.MassUpdate:N0} B through mass-update, {allocation.Update:N0} B through profiles/update."));
        md.AppendLine("  Allocated / item in the table is the client process over the real loopback run (HTTP, pacing, JSON).");
        md.AppendLine("- Peak heap is `GC.GetTotalMemory(false)` sampled every 20 ms, uncollected garbage included, so it follows the GC's budgets as well as what is live; what the run itself keeps alive is bounded by the calls in flight (tested: answered calls' items are collectable).");
        md.AppendLine(SectionEnd);
        return md.ToString();
    }

    /// <summary>Replaces the bulk section of the report, or appends it.</summary>
    private static void WriteSection(string path, string section)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var start = text.IndexOf(SectionStart, StringComparison.Ordinal);
        var end = text.IndexOf(SectionEnd, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? text[..start] + section.TrimEnd() + text[(end + SectionEnd.Length)..]
            : text.TrimEnd() + Environment.NewLine + Environment.NewLine + section;
        File.WriteAllText(path, text);
    }

    private static long Ms(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds() ?? 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Scenario(string Name, BatchFakeQuotaKind Kind, double PerSecond, int Burst);

    private sealed record Measurement(Scenario Scenario, int Items, long Accepted, TimeSpan Elapsed, long Refused, bool Late429, long PeakHeap, long PeakWorkingSet, double AllocatedPerItem, bool Succeeded)
    {
        public double Rate => Accepted / Elapsed.TotalSeconds;

        public override string ToString() => Invariant(
            $"bulk {Scenario.Name} {Items:N0}: {Accepted:N0} accepted in {Elapsed.TotalSeconds:N1} s, {Rate:N0}/s = {Rate / Scenario.PerSecond:N3} of {Scenario.PerSecond:N0}/s, {Refused} 429s (late: {Late429}), peak heap {PeakHeap / 1048576.0:N1} MB, {AllocatedPerItem:N0} B/item, succeeded: {Succeeded}");
    }

    private readonly record struct Usage(long Accepted, long Refused, long FirstAcceptedMs, long LastRefusedMs);

    /// <summary>Samples the managed heap every 20 ms and keeps the peak.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public HeapSampler()
        {
            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
        }

        public long Peak
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            var now = GC.GetTotalMemory(forceFullCollection: false);
            long seen;
            while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }
        }
    }

    /// <summary>Reads the body as a transport would and answers Batch's profile-update success.</summary>
    private sealed class AcceptingHandler : System.Net.Http.HttpMessageHandler
    {
        private static readonly byte[] Success = Encoding.UTF8.GetBytes("{\"code\":\"SUCCESS\"}");

        protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            var content = new System.Net.Http.ByteArrayContent(Success);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }

    /// <summary>The fake in a child process (this program with <c>--serve-fake</c>).</summary>
    private sealed class ChildFake : IAsyncDisposable
    {
        private readonly Process _process;

        private ChildFake(Process process, Uri url, string restApiKey, string projectKey)
        {
            _process = process;
            Url = url;
            RestApiKey = restApiKey;
            ProjectKey = projectKey;
        }

        public Uri Url { get; }

        public string RestApiKey { get; }

        public string ProjectKey { get; }

        public static async Task<ChildFake> StartAsync(Scenario scenario)
        {
            var self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
                start.ArgumentList.Add(typeof(BulkBenchmark).Assembly.Location);
            start.ArgumentList.Add("--serve-fake");
            start.ArgumentList.Add(scenario.Name);
            var process = Process.Start(start)!;
            var first = (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false))!.Split(' ');
            return new ChildFake(process, new Uri(first[0]), first[1], first[2]);
        }

        public async Task<Usage> UsageAsync()
        {
            await _process.StandardInput.WriteLineAsync("usage").ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            var parts = (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false))!.Split(' ').Select(long.Parse).ToArray();
            return new Usage(parts[0], parts[1], parts[2], parts[3]);
        }

        public async ValueTask DisposeAsync()
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().ConfigureAwait(false);
            _process.Dispose();
        }
    }
}
