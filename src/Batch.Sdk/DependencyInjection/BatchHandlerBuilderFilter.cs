using System;
using System.Collections.Generic;
using System.Linq;
using Batch.Sdk.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Batch.Sdk.DependencyInjection;

/// <summary>The IHttpClientFactory client name of one <c>AddBatch</c> registration and the options name it uses.</summary>
internal sealed class BatchHttpClientRegistration
{
    public BatchHttpClientRegistration(string httpClientName, string optionsName)
    {
        HttpClientName = httpClientName;
        OptionsName = optionsName;
    }

    public string HttpClientName { get; }

    public string OptionsName { get; }
}

/// <summary>
/// Builds the Batch stages into a Batch client's handler chain after everything else has configured it (defaults from
/// <c>ConfigureHttpClientDefaults</c>, handlers added to the builder before or after <c>AddBatch</c>), so the order of
/// <see cref="BatchHttpPipeline"/> holds whatever the registration order was.
/// </summary>
internal sealed class BatchHandlerBuilderFilter : IHttpMessageHandlerBuilderFilter
{
    private readonly Dictionary<string, string> _optionsNames;
    private readonly IOptionsMonitor<BatchClientOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    public BatchHandlerBuilderFilter(IEnumerable<BatchHttpClientRegistration> registrations, IOptionsMonitor<BatchClientOptions> options, IServiceProvider services)
    {
        _optionsNames = registrations.GroupBy(r => r.HttpClientName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().OptionsName, StringComparer.Ordinal);
        _options = options;
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
    }

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name is null || !_optionsNames.TryGetValue(builder.Name, out var optionsName))
            return;
        var options = _options.Get(optionsName).Clone();
        BatchHttpPipeline.Compose(builder.AdditionalHandlers, builder.PrimaryHandler, builder.Name, options, _time, _loggers);
    };
}
