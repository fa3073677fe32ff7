using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Reports;

namespace Batch.Sdk.Benchmarks.Reporting;

/// <summary>One client in one in-process scenario: mean time (with BenchmarkDotNet's 99.9% error margin) and allocated bytes per call.</summary>
public sealed record PerCallResult(string Scenario, string Client, double MeanNanoseconds, double ErrorNanoseconds, long AllocatedBytes)
{
    /// <summary>The scenario a benchmark class measures: its name without "Benchmark".</summary>
    public static string ScenarioOf(System.Type benchmark) => benchmark.Name.Replace("Benchmark", "");

    public double TimeRatio(PerCallResult baseline) => MeanNanoseconds / baseline.MeanNanoseconds;

    public double AllocationRatio(PerCallResult baseline) => (double)AllocatedBytes / baseline.AllocatedBytes;

    public static IEnumerable<PerCallResult> From(Summary summary) =>
        summary.Reports
            .Where(report => report.Success && report.ResultStatistics is not null)
            .Select(report => new PerCallResult(
                ScenarioOf(report.BenchmarkCase.Descriptor.Type),
                report.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                report.ResultStatistics!.Mean,
                report.ResultStatistics.ConfidenceInterval.Margin,
                report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0));
}
