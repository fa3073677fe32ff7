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

    /// <summary>Profiles (2.8): update attributes and events (up to 200 per call), mass update, export.</summary>
    IProfilesClient Profiles { get; }

    /// <summary>Audiences (2.8): create, update, replace, remove, list, view.</summary>
    IAudiencesClient Audiences { get; }

    /// <summary>Exports (2.8): list and view export jobs.</summary>
    IExportsClient Exports { get; }

    /// <summary>Catalogs (2.8): create, view, edit items.</summary>
    ICatalogsClient Catalogs { get; }

    /// <summary>Segments (2.11): list the project's segments.</summary>
    ISegmentsClient Segments { get; }

    /// <summary>The 1.1 app APIs of another app, with the same REST key and HTTP pipeline.</summary>
    /// <param name="appApiKey">The app's Live, Dev or SDK API key.</param>
    /// <returns>A view whose 1.1 calls address that app.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="appApiKey"/> is null, empty or whitespace.</exception>
    IBatchAppClient ForApp(string appApiKey);
}
