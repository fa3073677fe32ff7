using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Tests;

/// <summary>A fake per test, an SDK client without retries on it, and raw HTTP for requests the SDK would refuse to send.</summary>
public sealed class FakeScope : IDisposable
{
    public FakeScope(BatchFakeServerOptions? fakeOptions = null)
    {
        Fake = BatchFakeServer.Start(fakeOptions ?? new BatchFakeServerOptions());
        var options = Fake.Options;
        options.Retry.Enabled = false;
        Batch = new BatchClient(options);
        // Redirects are answers to check (the export download's 307), not to follow.
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Fake.Url };
    }

    public BatchFakeServer Fake { get; }

    public BatchClient Batch { get; }

    public HttpClient Http { get; }

    /// <summary>A 1.1 request with the fake's REST key and iOS app key.</summary>
    public Task<HttpResponseMessage> SendAppAsync(HttpMethod method, string pathAfterKey, string? body = null) =>
        Http.SendAsync(AppRequest(method, pathAfterKey, body));

    public HttpRequestMessage AppRequest(HttpMethod method, string pathAfterKey, string? body = null, string? appApiKey = null)
    {
        var request = new HttpRequestMessage(method, $"1.1/{Uri.EscapeDataString(appApiKey ?? Fake.IosAppApiKey)}/{pathAfterKey}") { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("X-Authorization", Fake.RestApiKey);
        return request;
    }

    /// <summary>A 2.x request with the fake's REST key and project key.</summary>
    public Task<HttpResponseMessage> SendProjectAsync(HttpMethod method, string path, string? body = null) =>
        Http.SendAsync(ProjectRequest(method, path, body));

    public HttpRequestMessage ProjectRequest(HttpMethod method, string path, string? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Fake.RestApiKey);
        request.Headers.TryAddWithoutValidation("X-Batch-Project", Fake.ProjectKey);
        return request;
    }

    public static async Task<JToken> ReadJsonAsync(HttpResponseMessage response) =>
        ParseJson(await response.Content.ReadAsStringAsync());

    /// <summary>Parses JSON as the SDK does (date-like strings stay strings, as the spec's examples are).</summary>
    public static JToken ParseJson(string json) => Serialization.BatchJson.Deserialize<JToken>(json)!;

    public void Dispose()
    {
        Http.Dispose();
        Batch.Dispose();
        Fake.Dispose();
    }

    private static StringContent? Json(string? body) => body is null ? null : new StringContent(body, Encoding.UTF8, "application/json");
}
