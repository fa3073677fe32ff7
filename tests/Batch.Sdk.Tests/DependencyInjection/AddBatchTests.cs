using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;

namespace Batch.Sdk.Tests.DependencyInjection;

public sealed class AddBatchTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public AddBatchTests()
    {
        _server.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/1.1/*")))
            .RespondWith(LoopbackServer.Json(200, "[]"));
        _server.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/2.8/*")))
            .RespondWith(LoopbackServer.Json(200, "{}"));
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Options_bound_from_configuration_reach_Batch_as_headers_and_path()
    {
        using var provider = Provider(services => services.AddBatch(Configuration(new()
        {
            ["Batch:RestApiKey"] = "rest-from-config",
            ["Batch:AppApiKey"] = "APP_FROM_CONFIG",
            ["Batch:BaseAddress"] = _server.BaseAddress.ToString(),
            ["Batch:Retry:MaxRetries"] = "1",
        }).GetSection("Batch")));

        await provider.GetRequiredService<IBatchClient>().PushCampaigns.ListAsync();

        var request = _server.Requests.Single().RequestMessage!;
        request.Path.ShouldStartWith("/1.1/APP_FROM_CONFIG/");
        request.Headers!["X-Authorization"].ShouldBe(["rest-from-config"]);
        provider.GetRequiredService<IOptionsMonitor<BatchClientOptions>>().CurrentValue.Retry.MaxRetries.ShouldBe(1);
    }

    [Fact]
    public void Every_area_client_of_IBatchClient_is_injectable_on_its_own()
    {
        using var provider = Provider(services => services.AddBatch(Valid));

        var areas = typeof(IBatchClient).GetProperties().Concat(typeof(IBatchAppClient).GetProperties())
            .Select(p => p.PropertyType).Where(t => t.IsInterface).ToArray();

        areas.Length.ShouldBeGreaterThan(10);
        areas.ShouldAllBe(area => provider.GetService(area) != null);
    }

    [Fact]
    public void A_missing_REST_key_fails_at_start_up_naming_the_setting_but_not_the_other_keys()
    {
        using var provider = Provider(services => services.AddBatch(options =>
        {
            options.ProjectKey = "project-secret-value";
            options.BaseAddress = _server.BaseAddress;
        }));

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        error.Message.ShouldContain("RestApiKey");
        error.Message.ShouldNotContain("project-secret-value");
    }

    [Fact]
    public async Task Named_registrations_keep_each_app_and_project_apart()
    {
        using var provider = Provider(services =>
        {
            services.AddBatch("ios", o => { Valid(o); o.AppApiKey = "IOS_KEY"; });
            services.AddBatch("android", o => { Valid(o); o.AppApiKey = "ANDROID_KEY"; o.ProjectKey = "project-b"; });
        });
        var factory = provider.GetRequiredService<IBatchClientFactory>();

        await factory.CreateClient("ios").InAppCampaigns.ListAsync();
        await factory.CreateClient("android").Campaigns.DeleteAsync(new CampaignDeleteRequest { Id = "c1" });

        var paths = _server.Requests.Select(r => r.RequestMessage!).ToArray();
        paths[0].Path.ShouldStartWith("/1.1/IOS_KEY/");
        paths[1].Headers!["X-Batch-Project"].ShouldBe(["project-b"]);
        provider.GetService<IBatchClient>().ShouldBeNull();
    }

    [Fact]
    public async Task The_returned_builder_adds_handlers_to_the_Batch_pipeline()
    {
        var seen = new CountingHandler();
        using var provider = Provider(services => services.AddBatch(Valid).AddHttpMessageHandler(() => seen));

        await provider.GetRequiredService<IPushCampaignsClient>().ListAsync();

        seen.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task The_retry_handler_is_in_the_pipeline_unless_retries_are_disabled(bool retries, int expectedRequests)
    {
        using var flaky = new LoopbackServer();
        flaky.Server.Given(Request.Create().UsingGet()).InScenario("maintenance").WillSetStateTo("over")
            .RespondWith(LoopbackServer.Json(503, """{"code":2,"type":"MAINTENANCE_ERROR","message":"Down"}"""));
        flaky.Server.Given(Request.Create().UsingGet()).InScenario("maintenance").WhenStateIs("over")
            .RespondWith(LoopbackServer.Json(200, "[]"));
        using var provider = Provider(services => services.AddBatch(options =>
        {
            Valid(options);
            options.BaseAddress = flaky.BaseAddress;
            options.Retry.Enabled = retries;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            options.Retry.MaxJitter = TimeSpan.Zero;
        }));
        var push = provider.GetRequiredService<IPushCampaignsClient>();

        if (retries)
            await push.ListAsync();
        else
            (await Should.ThrowAsync<BatchApiException>(() => push.ListAsync())).Error.ShouldBe(BatchError.MaintenanceError);

        flaky.Requests.Length.ShouldBe(expectedRequests);
    }

    private void Valid(BatchClientOptions options)
    {
        options.RestApiKey = "rest";
        options.ProjectKey = "project";
        options.AppApiKey = "APP";
        options.BaseAddress = _server.BaseAddress;
    }

    private static ServiceProvider Provider(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
