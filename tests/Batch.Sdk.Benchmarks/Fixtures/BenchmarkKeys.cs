using System;

namespace Batch.Sdk.Benchmarks.Fixtures;

/// <summary>Made-up credentials and tokens; the benchmarks only ever talk to a stub handler or a loopback server.</summary>
public static class BenchmarkKeys
{
    public const string RestApiKey = "bench-rest-key";
    public const string ProjectKey = "project_bench";
    public const string AppApiKey = "BENCHAPPKEY";
    public const string CampaignToken = "a0082dc6860938a26280bd3ba927303b";
    public const string InAppCampaignToken = "70448bafec76439d534ec98ea7ab712c";

    /// <summary>The in-process stub's address; nothing listens there.</summary>
    public static readonly Uri StubBaseAddress = new("http://batch.stub/");
}
