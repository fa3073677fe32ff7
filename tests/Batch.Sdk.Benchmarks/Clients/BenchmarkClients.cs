using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using Batch.Sdk.Benchmarks.Fixtures;
using Refit;

namespace Batch.Sdk.Benchmarks.Clients;

/// <summary>Builds the clients under test over the same primary handler and base address.</summary>
public static class BenchmarkClients
{
    private static readonly RefitSettings RefitSettings = new(new SystemTextJsonContentSerializer(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }));

    public static BatchClientOptions SdkOptions(Uri baseAddress) => new()
    {
        RestApiKey = BenchmarkKeys.RestApiKey,
        ProjectKey = BenchmarkKeys.ProjectKey,
        AppApiKey = BenchmarkKeys.AppApiKey,
        BaseAddress = baseAddress,
    };

    /// <summary>The SDK as <c>new BatchClient(options)</c> builds it (its whole pipeline), over <paramref name="primary"/>.</summary>
    public static BatchClient Sdk(HttpMessageHandler primary, Uri baseAddress) => new(SdkOptions(baseAddress), primary);

    /// <summary>The SDK on a plain HttpClient, without its pipeline (and with HttpClient's default timeout, as the floor).</summary>
    public static BatchClient SdkWithoutRetry(HttpMessageHandler primary, Uri baseAddress) =>
        new(SdkOptions(baseAddress), new HttpClient(primary));

    public static FloorClient Floor(HttpMessageHandler primary, Uri baseAddress) =>
        new(new HttpClient(primary) { BaseAddress = baseAddress });

    public static IRefitBatchApi Refit(HttpMessageHandler primary, Uri baseAddress) =>
        RestService.For<IRefitBatchApi>(new HttpClient(primary) { BaseAddress = baseAddress }, RefitSettings);
}
