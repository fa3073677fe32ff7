using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Bulk;
using Batch.Sdk.Benchmarks.InProcess;
using Batch.Sdk.Benchmarks.Reporting;
using Batch.Sdk.Benchmarks.Throughput;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Batch.Sdk.Benchmarks;

/// <summary>
/// <c>--dry</c>: every scenario once (CI). <c>--report FILE</c>: the full run, written as markdown (with <c>--dry</c>, the
/// dry run's numbers, which only prove that the report can be written).
/// Anything else goes to BenchmarkDotNet (for example <c>--filter '*Stats*'</c>); <c>--throughput</c> runs only the loopback scenario.
/// <c>--bulk</c> runs only the bulk scenario (with <c>--report FILE</c>, it rewrites FILE's "Bulk" section).
/// </summary>
internal static class Program
{
    private static readonly Type[] PerCallScenarios =
    {
        typeof(PushCreateBenchmark), typeof(InAppViewBenchmark), typeof(CampaignListBenchmark),
        typeof(CampaignStatsBenchmark), typeof(CampaignUpdateBenchmark),
    };

    /// <summary>Measured for the report's attribution, without targets.</summary>
    private static readonly Type[] AttributionScenarios = { typeof(InAppBodyBenchmark) };

    private static async Task<int> Main(string[] args)
    {
        var started = DateTimeOffset.UtcNow;
        var load = MarkdownReport.LoadAverage();
        var dry = args.Contains("--dry");
        var reportIndex = Array.IndexOf(args, "--report");
        var reportPath = reportIndex >= 0 && reportIndex + 1 < args.Length ? args[reportIndex + 1] : null;

        if (args.Contains("--serve-fake"))
            return await BulkBenchmark.ServeFakeAsync(args).ConfigureAwait(false);
        if (args.Contains("--bulk"))
            return await BulkBenchmark.RunAsync(reportPath).ConfigureAwait(false);

        if (args.Contains("--throughput"))
        {
            await RunThroughputAsync(requests: 20_000, rounds: 3).ConfigureAwait(false);
            return 0;
        }

        // The in-process toolchain measures this process as built: no generated project per benchmark, and CI's dry run
        // stays within seconds.
        // 15 iterations rather than ShortRun's 3: on a shared 2-core machine 3 iterations let one noisy second decide a ratio.
        var job = (dry ? Job.Dry : Job.ShortRun.WithWarmupCount(5).WithIterationCount(15)).WithToolchain(InProcessEmitToolchain.Instance);
        IConfig config = DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        if (dry)
        {
            // The dry run proves the scenarios still work, not how fast they are: CI runs it on its Debug build.
            config = config.WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }

        IEnumerable<Summary> summaries = dry || reportPath is not null
            ? BenchmarkRunner.Run(PerCallScenarios.Concat(AttributionScenarios).ToArray(), config)
            : BenchmarkSwitcher.FromTypes(PerCallScenarios.Concat(AttributionScenarios).ToArray()).Run(args, config);
        var summaryList = summaries.ToList();
        var failed = summaryList.Where(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)).ToList();
        if (failed.Count > 0)
        {
            Console.Error.WriteLine("Failed benchmarks: " + string.Join(", ", failed.Select(summary => summary.Title)));
            return 1;
        }

        if (dry)
        {
            var dryThroughput = await RunThroughputAsync(requests: 200, rounds: 1).ConfigureAwait(false);
            await BulkBenchmark.RunDryAsync().ConfigureAwait(false);
            if (reportPath is not null)
                WriteReport(reportPath, summaryList, dryThroughput, load, started);
            Console.WriteLine("Dry run: every scenario ran once.");
            return 0;
        }

        if (reportPath is not null)
        {
            var throughput = await RunThroughputAsync(requests: 20_000, rounds: 3).ConfigureAwait(false);
            WriteReport(reportPath, summaryList, throughput, load, started);
        }

        return 0;
    }

    private static void WriteReport(string reportPath, IReadOnlyList<Summary> summaries, IReadOnlyList<ThroughputResult> throughput, string load, DateTimeOffset started)
    {
        var results = summaries.SelectMany(PerCallResult.From).ToList();
        var attribution = AttributionScenarios.Select(PerCallResult.ScenarioOf).ToHashSet();
        var perCall = results.Where(result => !attribution.Contains(result.Scenario)).ToList();
        var attributed = results.Where(result => attribution.Contains(result.Scenario)).ToList();
        File.WriteAllText(reportPath, MarkdownReport.Write(perCall, attributed, throughput, load, started));
        Console.WriteLine($"Report written to {reportPath}");
    }

    private static Task<IReadOnlyList<ThroughputResult>> RunThroughputAsync(int requests, int rounds)
    {
        Console.WriteLine($"Loopback throughput: {requests} requests per run, {rounds} round(s)");
        return ThroughputRunner.RunAsync(requests, rounds, Console.WriteLine);
    }
}
