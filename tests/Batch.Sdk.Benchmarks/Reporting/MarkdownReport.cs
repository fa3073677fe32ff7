using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Batch.Sdk.Benchmarks.Throughput;

namespace Batch.Sdk.Benchmarks.Reporting;

/// <summary>Writes the measured part of REPORT.md: machine, tables and ratios against the issue's targets.</summary>
public static class MarkdownReport
{
    /// <summary>Small calls: the SDK at most this much time and these many bytes above the floor.</summary>
    public const double SmallCallTimeBudgetNanoseconds = 1_500;
    public const long SmallCallAllocationBudgetBytes = 2 * 1024;

    /// <summary>Large responses: the SDK within 5% of the floor's time and allocations.</summary>
    public const double LargeCallRatioTarget = 1.05;

    /// <summary>The scenarios with large responses (100 campaigns, 365 days); every other scenario is a small call.</summary>
    public static readonly IReadOnlySet<string> LargeScenarios = new HashSet<string> { "CampaignList", "CampaignStats" };

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

        md.AppendLine().AppendLine("### Targets: the SDK against what a careful user would write instead, and against the floor").AppendLine();
        md.AppendLine("The targets apply to `Sdk`, the SDK as `new BatchClient(options)` builds it, with telemetry compiled in and no listener.");
        md.AppendLine("`PeerA` is HttpClient from IHttpClientFactory + Newtonsoft.Json + Microsoft.Extensions.Http.Resilience's standard handler");
        md.AppendLine("(the floor's code on the factory's client); `PeerB` is Refit with a Newtonsoft.Json content serializer on the same kind of");
        md.AppendLine("client; `Refit` (System.Text.Json, no resilience) and `SdkWithoutRetry` are context. Targets: the SDK at most Peer A's");
        md.AppendLine(Invariant($"time and allocations and at most Peer B's in every scenario; on small calls at most {Micro(SmallCallTimeBudgetNanoseconds)} and"));
        md.AppendLine(Invariant($"{Bytes(SmallCallAllocationBudgetBytes)} above the floor; on large responses ({string.Join(", ", LargeScenarios)}) within {LargeCallRatioTarget:F2}x of the floor.")).AppendLine();
        md.AppendLine("| Scenario | SDK - floor: time | SDK - floor: alloc | SDK / floor: time, alloc | Floor target | SDK / Peer A: time, alloc | Peer A target | SDK / Peer B: time, alloc | Peer B target |");
        md.AppendLine("| --- | ---: | ---: | ---: | --- | ---: | --- | ---: | --- |");
        foreach (var scenario in perCall.GroupBy(result => result.Scenario))
        {
            var floor = scenario.Single(result => result.Client == "Floor");
            var sdk = scenario.Single(result => result.Client == "Sdk");
            var peerA = scenario.SingleOrDefault(result => result.Client == "PeerA");
            var peerB = scenario.SingleOrDefault(result => result.Client == "PeerB");
            var extraTime = sdk.MeanNanoseconds - floor.MeanNanoseconds;
            var extraBytes = sdk.AllocatedBytes - floor.AllocatedBytes;
            var meetsFloor = LargeScenarios.Contains(scenario.Key)
                ? sdk.TimeRatio(floor) <= LargeCallRatioTarget && sdk.AllocationRatio(floor) <= LargeCallRatioTarget
                : extraTime <= SmallCallTimeBudgetNanoseconds && extraBytes <= SmallCallAllocationBudgetBytes;
            md.AppendLine(Invariant($"| {scenario.Key} | {Micro(extraTime)} | {Bytes(extraBytes)} | {Pair(sdk, floor)} | {Verdict(meetsFloor)} | {PeerCells(sdk, peerA)} | {PeerCells(sdk, peerB)} |"));
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
            md.AppendLine("| Callers | Client | Requests/s | / raw HttpClient | Connections | Heap before | Heap after |");
            md.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var callers in throughput.GroupBy(result => result.Callers))
            {
                var raw = callers.Single(result => result.Client == ThroughputRunner.RawHttpClient);
                foreach (var result in callers.OrderBy(result => Array.IndexOf(ThroughputRunner.Clients, result.Client)))
                {
                    md.AppendLine(Invariant($"| {result.Callers} | {result.Client} | {result.RequestsPerSecond:N0} | {result.RequestsPerSecond / raw.RequestsPerSecond:F2} | {result.Connections} | {Bytes(result.HeapBeforeBytes)} | {Bytes(result.HeapAfterBytes)} |"));
                }
            }

            var at64 = throughput.Where(result => result.Callers == ThroughputRunner.CallerCounts.Max()).ToList();
            var ratio64 = at64.Single(result => result.Client == ThroughputRunner.Sdk).RequestsPerSecond / at64.Single(result => result.Client == ThroughputRunner.PeerA).RequestsPerSecond;
            md.AppendLine().AppendLine(Invariant($"Target: the SDK at least Peer A's requests/s at {ThroughputRunner.CallerCounts.Max()} callers: SDK / Peer A {ratio64:F2}, {Verdict(ratio64 >= 1)}."));
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

    private static int Order(string client) => client switch { "Floor" => 0, "Sdk" => 1, "PeerA" => 2, "PeerB" => 3, "SdkWithoutRetry" => 4, _ => 5 };

    private static string Verdict(bool pass) => pass ? "pass" : "**miss**";

    /// <summary>The Mean, Error and Allocated cells of a result.</summary>
    private static string Measured(PerCallResult result) =>
        $"{Micro(result.MeanNanoseconds)} | ±{Micro(result.ErrorNanoseconds)} | {Bytes(result.AllocatedBytes)}";

    /// <summary>The time and allocation ratio cells of a result against its baseline.</summary>
    private static string Ratios(PerCallResult result, PerCallResult baseline) =>
        Invariant($"{result.TimeRatio(baseline):F2} | {result.AllocationRatio(baseline):F2}");

    /// <summary>A time and an allocation ratio in one cell.</summary>
    private static string Pair(PerCallResult result, PerCallResult baseline) =>
        Invariant($"{result.TimeRatio(baseline):F2}, {result.AllocationRatio(baseline):F2}");

    /// <summary>The ratio cell and verdict cell against a peer: the SDK must take at most the peer's time and bytes.</summary>
    private static string PeerCells(PerCallResult sdk, PerCallResult? peer) =>
        peer is null
            ? "not measured | n/a"
            : $"{Pair(sdk, peer)} | {Verdict(sdk.MeanNanoseconds <= peer.MeanNanoseconds && sdk.AllocatedBytes <= peer.AllocatedBytes)}";

    private static string Micro(double nanoseconds) => Invariant($"{nanoseconds / 1000:N1} µs");

    private static string Bytes(long bytes) => Invariant($"{bytes / 1024.0:N2} KB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
