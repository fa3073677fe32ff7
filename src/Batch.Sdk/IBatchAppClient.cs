namespace Batch.Sdk;

/// <summary>
/// The 1.1 app APIs of one app. iOS and Android are separate apps with separate API keys: get one view per app
/// with <see cref="IBatchClient.ForApp(string)"/>.
/// </summary>
public interface IBatchAppClient
{
    /// <summary>Push campaigns (1.1): create, update, view, list, delete, statistics.</summary>
    IPushCampaignsClient PushCampaigns { get; }

    /// <summary>In-app campaigns (1.1): create, update, view, list, delete.</summary>
    IInAppCampaignsClient InAppCampaigns { get; }

    /// <summary>Transactional push notifications (1.1).</summary>
    ITransactionalClient Transactional { get; }

    /// <summary>Custom audiences (1.1): add, remove or replace the members of an app's custom audience.</summary>
    ICustomAudiencesClient CustomAudiences { get; }
}
