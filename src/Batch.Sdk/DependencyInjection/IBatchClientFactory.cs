namespace Batch.Sdk.DependencyInjection;

/// <summary>
/// Creates the <see cref="IBatchClient"/> of a registration made with
/// <c>services.AddBatch(name, ...)</c>,
/// for services that talk to several Batch projects or apps (an iOS and an Android app, a staging project).
/// </summary>
public interface IBatchClientFactory
{
    /// <summary>Creates a client for the named registration, sending through IHttpClientFactory's pooled handlers.</summary>
    /// <param name="name">The registration name; <see cref="Microsoft.Extensions.Options.Options.DefaultName"/> (empty) for <c>AddBatch</c> without a name.</param>
    /// <returns>A client; cheap to create, no need to dispose it.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The registration's options are invalid.</exception>
    IBatchClient CreateClient(string name);
}
