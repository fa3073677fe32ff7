using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Batch.Sdk.Benchmarks.Throughput;

namespace Batch.Sdk.Benchmarks.Reporting;

/// <summary>Writes the measured part of REPORT.md: machine, tables and ratios against the targets.</summary>
public static class MarkdownReport
{
    public const double TimeTarget = 1.10;
    public const double AllocationTarget = 1.20;
    public const double ThroughputTarget = 0.95;

    public static string Write(IReadOnlyList<PerCallResult> perCall, IReadOnlyList<PerCallResult> attribution, IReadOnlyList<ThroughputResult> throughput, string loadBefore, DateTimeOffset started)
    {
        var md = new StringBuilder();
        md.AppendLine("# Batch.Sdk benchmark report").AppendLine();
        md.AppendLine(Invariant($"- Date: {started:yyyy-MM-dd HH:mm} UTC (run took {(DateTimeOffset.UtcNow - started).TotalMinutes:F1} min)"));
        md.AppendLine(Invariant($"- Machine: {CpuModel()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})"));
        md.AppendLine(Invariant($"- .NET: {RuntimeInformation.FrameworkDescription}, Release, server GC {System.Runtime.GCSettings.IsServerGC}"));
        md.AppendLine(Invariant($"- Load average (1, 5, 15 min) before: {loadBefore}; after: {LoadAverage()}"));
        md.AppendLine("- Command: `tests/Batch.Sdk.Benchmarks/run-report.sh` (see README.md beside this file)").AppendLine();

        md.AppendLine("## Per call, in process").AppendLine();
        md.AppendLine("A stub HttpMessageHandler serves the spec's documented responses (no sockets). BenchmarkDotNet job");
        md.AppendLine("(in-process toolchain, 5 warm-ups, 15 iterations), MemoryDiagnoser. Ratios are to the hand-written floor. Error is");
        md.AppendLine("BenchmarkDotNet's 99.9% confidence margin of the mean: time ratios are only as steady as it allows.").AppendLine();
        md.AppendLine("| Scenario | Client | Mean | Error | Allocated | Time / floor | Alloc / floor |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var scenario in perCall.GroupBy(result => result.Scenario))
        {
            var floor = scenario.Single(result => result.Client == "Floor");
            foreach (var result in scenario.OrderBy(result => Order(result.Client)))
            {
                md.AppendLine($"| {result.Scenario} | {result.Client} | {Measured(result)} | {Ratios(result, floor)} |");
            }
        }

        md.AppendLine().AppendLine(Invariant($"### Targets: SDK at most {TimeTarget:F2}x the floor's time and {AllocationTarget:F2}x its allocations")).AppendLine();
        md.AppendLine("The targets apply to `Sdk`, the SDK as `new BatchClient(options)` builds it. `SdkWithoutRetry` is the SDK on a plain");
        md.AppendLine("HttpClient, as used with your own resilience pipeline: the difference is what `BatchRetryHandler` costs.").AppendLine();
        md.AppendLine("| Scenario | SDK time / floor | Time target | SDK alloc / floor | Alloc target | Without retry: time / floor | Without retry: alloc / floor | Refit time / floor | Refit alloc / floor |");
        md.AppendLine("| --- | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: |");
        foreach (var scenario in perCall.GroupBy(result => result.Scenario))
        {
            var floor = scenario.Single(result => result.Client == "Floor");
            var sdk = scenario.Single(result => result.Client == "Sdk");
            var bare = scenario.Single(result => result.Client == "SdkWithoutRetry");
            var refit = scenario.Single(result => result.Client == "Refit");
            var time = sdk.TimeRatio(floor);
            var alloc = sdk.AllocationRatio(floor);
            md.AppendLine(Invariant($"| {scenario.Key} | {time:F2} | {Verdict(time <= TimeTarget)} | {alloc:F2} | {Verdict(alloc <= AllocationTarget)} | {Ratios(bare, floor)} | {Ratios(refit, floor)} |"));
        }

        if (attribution.Count > 0)
        {
            md.AppendLine().AppendLine("### Attribution: the in-app body alone").AppendLine();
            md.AppendLine("The in-app view's body deserialized without HTTP, into the floor's plain model and into the SDK's model, with and");
            md.AppendLine("without Newtonsoft's checks of the properties the spec marks required (`InProcess/InAppBodyBenchmark.cs`). No target.").AppendLine();
            md.AppendLine("| Reader | Mean | Error | Allocated | Time / plain | Alloc / plain |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            var plain = attribution[0];
            foreach (var result in attribution)
                md.AppendLine($"| {result.Client} | {Measured(result)} | {Ratios(result, plain)} |");
        }

        if (throughput.Count > 0)
        {
            md.AppendLine().AppendLine("## Loopback throughput").AppendLine();
            md.AppendLine(Invariant($"Kestrel on 127.0.0.1 serving the in-app view; {throughput[0].Requests:N0} requests per run, median of the runs; a fresh client per run."));
            md.AppendLine("Connections: distinct connection ids the server saw during the run. Heap: `GC.GetTotalMemory(true)` before and after the run.").AppendLine();
            md.AppendLine("| Callers | Client | Requests/s | SDK / HttpClient | Connections | Heap before | Heap after |");
            md.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var callers in throughput.GroupBy(result => result.Callers))
            {
                var raw = callers.Single(result => result.Client == "HttpClient");
                foreach (var result in callers.OrderBy(result => result.Client == "SDK" ? 0 : 1))
                {
                    var ratio = result.Client == "SDK" ? (result.RequestsPerSecond / raw.RequestsPerSecond).ToString("F2", CultureInfo.InvariantCulture) : "";
                    md.AppendLine(Invariant($"| {result.Callers} | {result.Client} | {result.RequestsPerSecond:N0} | {ratio} | {result.Connections} | {Bytes(result.HeapBeforeBytes)} | {Bytes(result.HeapAfterBytes)} |"));
                }
            }

            var at64 = throughput.Where(result => result.Callers == ThroughputRunner.CallerCounts.Max()).ToList();
            var ratio64 = at64.Single(result => result.Client == "SDK").RequestsPerSecond / at64.Single(result => result.Client == "HttpClient").RequestsPerSecond;
            md.AppendLine().AppendLine(Invariant($"Target: SDK at least {ThroughputTarget:F2}x raw HttpClient at 64 callers: {ratio64:F2}, {Verdict(ratio64 >= ThroughputTarget)}."));
        }

        return md.ToString();
    }

    /// <summary>The load average from /proc/loadavg, or "n/a" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static int Order(string client) => client switch { "Floor" => 0, "Sdk" => 1, "SdkWithoutRetry" => 2, _ => 3 };

    private static string Verdict(bool pass) => pass ? "pass" : "**miss**";

    /// <summary>The Mean, Error and Allocated cells of a result.</summary>
    private static string Measured(PerCallResult result) =>
        $"{Micro(result.MeanNanoseconds)} | ±{Micro(result.ErrorNanoseconds)} | {Bytes(result.AllocatedBytes)}";

    /// <summary>The time and allocation ratio cells of a result against its baseline.</summary>
    private static string Ratios(PerCallResult result, PerCallResult baseline) =>
        Invariant($"{result.TimeRatio(baseline):F2} | {result.AllocationRatio(baseline):F2}");

    private static string Micro(double nanoseconds) => Invariant($"{nanoseconds / 1000:N1} µs");

    private static string Bytes(long bytes) => Invariant($"{bytes / 1024.0:N2} KB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
