using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Benchmarks.Fixtures;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Batch.Sdk.Benchmarks.Clients;

/// <summary>
/// The floor: what a careful user writes by hand with HttpClient and Newtonsoft.Json. Same routes and headers as the
/// SDK, one cached serializer, the body serialized to a string, the response deserialized from the stream.
/// </summary>
public sealed class FloorClient
{
    /// <summary>The floor's one cached serializer: plain classes, snake_case names.</summary>
    internal static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
    });

    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private static readonly ProductInfoHeaderValue UserAgent = new("Batch.Floor", "1.0");

    private readonly HttpClient _http;
    private readonly string _appRoot;

    public FloorClient(HttpClient http)
    {
        _http = http;
        _appRoot = "1.1/" + BenchmarkKeys.AppApiKey + "/";
    }

    public Task<PlainCampaignToken> CreatePushCampaignAsync(PlainPushCampaignCreate body, CancellationToken cancellationToken = default) =>
        SendAsync<PlainCampaignToken>(AppRequest(HttpMethod.Post, "campaigns/create", body), cancellationToken);

    public Task<PlainInAppCampaign> GetInAppCampaignAsync(string token, CancellationToken cancellationToken = default) =>
        SendAsync<PlainInAppCampaign>(AppRequest(HttpMethod.Get, "in-app-campaigns/" + token, null), cancellationToken);

    public Task<List<PlainCampaignSummary>> ListPushCampaignsAsync(int limit, CancellationToken cancellationToken = default) =>
        SendAsync<List<PlainCampaignSummary>>(AppRequest(HttpMethod.Get, "campaigns/list?limit=" + limit, null), cancellationToken);

    public Task<PlainCampaignStats> GetPushCampaignStatsAsync(string token, CancellationToken cancellationToken = default) =>
        SendAsync<PlainCampaignStats>(AppRequest(HttpMethod.Get, "campaigns/stats/" + token, null), cancellationToken);

    public Task<PlainEmpty> UpdateCampaignAsync(PlainCampaignUpdate body, CancellationToken cancellationToken = default)
    {
        var request = Request(HttpMethod.Post, "2.8/campaigns/update", body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkKeys.RestApiKey);
        request.Headers.TryAddWithoutValidation("X-Batch-Project", BenchmarkKeys.ProjectKey);
        return SendAsync<PlainEmpty>(request, cancellationToken);
    }

    private HttpRequestMessage AppRequest(HttpMethod method, string path, object? body)
    {
        var request = Request(method, _appRoot + path, body);
        request.Headers.TryAddWithoutValidation("X-Authorization", BenchmarkKeys.RestApiKey);
        return request;
    }

    private static HttpRequestMessage Request(HttpMethod method, string relativeUrl, object? body)
    {
        var request = new HttpRequestMessage(method, relativeUrl);
        request.Headers.Accept.Add(AcceptJson);
        request.Headers.UserAgent.Add(UserAgent);
        if (body is not null)
        {
            var json = new StringWriter();
            Serializer.Serialize(json, body);
            request.Content = new StringContent(json.ToString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
        {
            response.EnsureSuccessStatusCode();
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream));
            return Serializer.Deserialize<T>(reader) ?? throw new InvalidDataException("Empty response body.");
        }
    }
}
