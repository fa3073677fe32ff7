using System.Collections.Generic;
using System.Threading.Tasks;
using Refit;

namespace Batch.Sdk.Benchmarks.Clients;

/// <summary>What a user might write with Refit instead of the SDK: the same routes and headers, plain models.</summary>
[Headers("Accept: application/json", "User-Agent: Batch.Refit/1.0")]
public interface IRefitBatchApi
{
    [Post("/1.1/{apiKey}/campaigns/create")]
    Task<PlainCampaignToken> CreatePushCampaignAsync(string apiKey, [Header("X-Authorization")] string restKey, [Body] PlainPushCampaignCreate body);

    [Get("/1.1/{apiKey}/in-app-campaigns/{token}")]
    Task<PlainInAppCampaign> GetInAppCampaignAsync(string apiKey, string token, [Header("X-Authorization")] string restKey);

    [Get("/1.1/{apiKey}/campaigns/list")]
    Task<List<PlainCampaignSummary>> ListPushCampaignsAsync(string apiKey, [Query] int limit, [Header("X-Authorization")] string restKey);

    [Get("/1.1/{apiKey}/campaigns/stats/{token}")]
    Task<PlainCampaignStats> GetPushCampaignStatsAsync(string apiKey, string token, [Header("X-Authorization")] string restKey);

    [Post("/2.8/campaigns/update")]
    Task<PlainEmpty> UpdateCampaignAsync([Authorize("Bearer")] string restKey, [Header("X-Batch-Project")] string projectKey, [Body] PlainCampaignUpdate body);
}
