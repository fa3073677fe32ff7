using System.Net.Http;

namespace Batch.Sdk;

/// <summary>The 1.1 clients of one app, sharing the caller's HTTP pipeline.</summary>
internal sealed class BatchAppClient : IBatchAppClient
{
    public BatchAppClient(BatchClientOptions options, HttpClient httpClient)
    {
        PushCampaigns = new PushCampaignsClient(options, httpClient);
        InAppCampaigns = new InAppCampaignsClient(options, httpClient);
        Transactional = new TransactionalClient(options, httpClient);
        CustomAudiences = new CustomAudiencesClient(options, httpClient);
    }

    public IPushCampaignsClient PushCampaigns { get; }

    public IInAppCampaignsClient InAppCampaigns { get; }

    public ITransactionalClient Transactional { get; }

    public ICustomAudiencesClient CustomAudiences { get; }
}
