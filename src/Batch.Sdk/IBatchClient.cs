namespace Batch.Sdk;

/// <summary>
/// The Batch REST APIs: the 2.8 Project APIs of one project, and the 1.1 app APIs of the default app
/// (<see cref="BatchClientOptions.AppApiKey"/>) or of any app through <see cref="ForApp(string)"/>.
/// </summary>
public interface IBatchClient : IBatchAppClient
{
    /// <summary>Project campaigns (2.8): create, update, delete.</summary>
    ICampaignsClient Campaigns { get; }

    /// <summary>Orchestrations (2.8): list, statistics.</summary>
    IOrchestrationsClient Orchestrations { get; }

    /// <summary>The 1.1 app APIs of another app, with the same REST key and HTTP pipeline.</summary>
    /// <param name="appApiKey">The app's Live, Dev or SDK API key.</param>
    /// <returns>A view whose 1.1 calls address that app.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="appApiKey"/> is null, empty or whitespace.</exception>
    IBatchAppClient ForApp(string appApiKey);
}
