using System;
using System.Linq;
using Batch.Sdk.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

// In the DI namespace, as Microsoft.Extensions.* extensions are, so AddBatch shows up next to AddHttpClient.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Batch SDK with dependency injection and IHttpClientFactory.</summary>
public static class BatchServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Batch.Sdk.IBatchClient"/>, every per-area client interface (<see cref="Batch.Sdk.IPushCampaignsClient"/>,
    /// <see cref="Batch.Sdk.ICampaignsClient"/>, ...) and <see cref="IBatchClientFactory"/>, with options bound from
    /// <paramref name="configuration"/> (for example the <c>Batch</c> section: <c>RestApiKey</c>, <c>ProjectKey</c>,
    /// <c>AppApiKey</c>, <c>BaseAddress</c>, <c>Retry:MaxRetries</c>, ...). Options are validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The IHttpClientFactory builder of the Batch HTTP client, to add handlers or resilience.</returns>
    public static IHttpClientBuilder AddBatch(this IServiceCollection services, IConfiguration configuration) =>
        services.AddBatch(Options.Options.DefaultName, configuration);

    /// <summary>Registers the Batch SDK as <see cref="AddBatch(IServiceCollection, IConfiguration)"/> does, with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The IHttpClientFactory builder of the Batch HTTP client, to add handlers or resilience.</returns>
    public static IHttpClientBuilder AddBatch(this IServiceCollection services, Action<Batch.Sdk.BatchClientOptions> configure) =>
        services.AddBatch(Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a named Batch client (one per app or project), created with <see cref="IBatchClientFactory.CreateClient(string)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration name, such as <c>ios</c> or <c>android</c>.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The IHttpClientFactory builder of this registration's HTTP client.</returns>
    public static IHttpClientBuilder AddBatch(this IServiceCollection services, string name, IConfiguration configuration)
    {
        if (configuration is null)
            throw new ArgumentNullException(nameof(configuration));
        return services.AddBatchCore(name, options => options.Bind(configuration));
    }

    /// <summary>Registers a named Batch client with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration name, such as <c>ios</c> or <c>android</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The IHttpClientFactory builder of this registration's HTTP client.</returns>
    public static IHttpClientBuilder AddBatch(this IServiceCollection services, string name, Action<Batch.Sdk.BatchClientOptions> configure)
    {
        if (configure is null)
            throw new ArgumentNullException(nameof(configure));
        return services.AddBatchCore(name, options => options.Configure(configure));
    }

    private static IHttpClientBuilder AddBatchCore(
        this IServiceCollection services, string name, Action<OptionsBuilder<Batch.Sdk.BatchClientOptions>> configure)
    {
        if (services is null)
            throw new ArgumentNullException(nameof(services));
        if (name is null)
            throw new ArgumentNullException(nameof(name));

        var options = services.AddOptions<Batch.Sdk.BatchClientOptions>(name);
        configure(options);
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<Batch.Sdk.BatchClientOptions>>(new BatchClientOptionsValidator(name));

        services.TryAddSingleton<IBatchClientFactory, BatchClientFactory>();
        if (name == Options.Options.DefaultName)
            AddDefaultClients(services);

        var httpClientName = BatchClientFactory.HttpClientName(name);
        services.AddSingleton(new BatchHttpClientRegistration(httpClientName, name));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, BatchHandlerBuilderFilter>());

        // The Batch stages (Pipeline/BatchHttpPipeline) are built in by BatchHandlerBuilderFilter once every other
        // configuration has run. The pipeline bounds each call itself, body read included, so HttpClient has no timeout.
        // IHttpClientFactory's default loggers write the full URL, whose 1.1 path holds the app key: the pipeline logs
        // masked paths instead (event 1010 BatchAttempt).
        return services.AddHttpClient(httpClientName)
            .ConfigureHttpClient(client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
    }

    // The unnamed registration is the one injected directly; named ones go through IBatchClientFactory. Every
    // area client of IBatchClient (PushCampaigns, Campaigns, ...) is injectable on its own, so a new spec tag needs
    // no change here.
    private static void AddDefaultClients(IServiceCollection services)
    {
        services.TryAddTransient(sp => sp.GetRequiredService<IBatchClientFactory>().CreateClient(Options.Options.DefaultName));
        var areas = typeof(Batch.Sdk.IBatchClient).GetProperties()
            .Concat(typeof(Batch.Sdk.IBatchAppClient).GetProperties())
            .Where(property => property.PropertyType.IsInterface);
        foreach (var area in areas)
        {
            services.TryAdd(ServiceDescriptor.Transient(
                area.PropertyType,
                sp => area.GetValue(sp.GetRequiredService<Batch.Sdk.IBatchClient>())!));
        }
    }
}
