using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Batch.Sdk.Tests.DependencyInjection;

/// <summary>
/// The SDK composes with .NET's resilience stack: whichever way the standard resilience handler lands on the Batch
/// client (added to the builder AddBatch returns, or to every client by ConfigureHttpClientDefaults, as Aspire does),
/// there is one retry layer with Batch's rules, a create is never sent twice, and no 429 is retried within 5 seconds.
/// </summary>
public sealed class ResilienceCompositionTests
{
    public static TheoryData<string> Compositions => ["standard handler after AddBatch", "standard handler on every client (ConfigureHttpClientDefaults)"];

    [Theory]
    [MemberData(nameof(Compositions))]
    public async Task A_create_answered_500_is_sent_once_and_its_outcome_is_unknown(string composition)
    {
        using var server = new FaultyServer(FaultyServer.Answer(500, """{"code":0,"type":"SERVER_ERROR","message":"boom"}"""));
        using var provider = Provider(composition, server.BaseAddress, retries: true);

        await Should.ThrowAsync<BatchOutcomeUnknownException>(() => provider.GetRequiredService<IBatchClient>().PushCampaigns.CreateAsync(Samples.PushCampaign()));

        server.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Compositions))]
    public async Task A_read_answered_500_is_attempted_once_plus_the_SDK_retries_not_multiplied(string composition)
    {
        using var server = new FaultyServer(FaultyServer.Answer(500, """{"code":0,"type":"SERVER_ERROR","message":"boom"}"""));
        using var provider = Provider(composition, server.BaseAddress, retries: true);

        var exception = await Should.ThrowAsync<BatchApiException>(() => provider.GetRequiredService<IBatchClient>().PushCampaigns.ListAsync());

        exception.StatusCode.ShouldBe(500);
        server.Requests.Count.ShouldBe(1 + 3);
    }

    [Theory]
    [MemberData(nameof(Compositions))]
    public async Task With_the_SDK_retries_off_your_own_standard_handler_still_cannot_send_a_create_twice(string composition)
    {
        using var server = new FaultyServer(FaultyServer.Answer(500, """{"code":0,"type":"SERVER_ERROR","message":"boom"}"""));
        using var provider = Provider(composition, server.BaseAddress, retries: false);

        var exception = await Should.ThrowAsync<BatchOutcomeUnknownException>(() => provider.GetRequiredService<IBatchClient>().PushCampaigns.CreateAsync(Samples.PushCampaign()));

        server.Requests.Count.ShouldBe(1);
        exception.InnerException!.Message.ShouldContain("tried to send the request again");
    }

    [Theory]
    [MemberData(nameof(Compositions))]
    public async Task With_the_SDK_retries_off_your_own_standard_handler_cannot_retry_a_429_within_5_seconds(string composition)
    {
        var clock = new FakeTimeProvider();
        var sentAt = new ConcurrentQueue<DateTimeOffset>();
        FaultyServer.Behaviour Record(FaultyServer.Behaviour behaviour) => (client, stream, stop) =>
        {
            sentAt.Enqueue(clock.GetUtcNow());
            return behaviour(client, stream, stop);
        };
        using var server = new FaultyServer(
            Record(FaultyServer.AnswerWithHeaders(429, """{"code":0,"type":"TOO_MANY_REQUESTS","message":"slow down"}""", "Retry-After: 1\r\n")),
            Record(FaultyServer.Answer(200, "[]")));
        using var provider = Provider(composition, server.BaseAddress, retries: false, clock);

        var call = provider.GetRequiredService<IBatchClient>().PushCampaigns.ListAsync();
        while (!call.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(call, Task.Delay(1));
        }

        (await call).ShouldBeEmpty();
        var times = sentAt.ToArray();
        times.Length.ShouldBe(2);
        (times[1] - times[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_removed_handler_is_named_in_a_warning()
    {
        using var server = new FaultyServer(FaultyServer.Answer(200, "[]"));
        var logs = new Microsoft.Extensions.Logging.Testing.FakeLogCollector();
        using var provider = Provider("standard handler after AddBatch", server.BaseAddress, retries: true, logs: logs);

        await provider.GetRequiredService<IBatchClient>().PushCampaigns.ListAsync();

        logs.GetSnapshot().ShouldContain(record => record.Id.Id == 1020 && record.Message.Contains("Microsoft.Extensions.Http.Resilience.ResilienceHandler"));
    }

    private static ServiceProvider Provider(string composition, Uri baseAddress, bool retries, TimeProvider? clock = null, Microsoft.Extensions.Logging.Testing.FakeLogCollector? logs = null)
    {
        var services = new ServiceCollection();
        if (clock is not null)
            services.AddSingleton(clock);
        if (logs is not null)
            services.AddLogging(builder => builder.AddProvider(new Microsoft.Extensions.Logging.Testing.FakeLoggerProvider(logs)));
        var onEveryClient = composition.Contains("ConfigureHttpClientDefaults", StringComparison.Ordinal);
        if (onEveryClient)
            services.ConfigureHttpClientDefaults(builder => builder.AddStandardResilienceHandler(Quick));
        var batch = services.AddBatch(options =>
        {
            options.RestApiKey = LoopbackServer.RestApiKey;
            options.ProjectKey = LoopbackServer.ProjectKey;
            options.AppApiKey = LoopbackServer.AppApiKey;
            options.BaseAddress = baseAddress;
            options.Retry.Enabled = retries;
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.Retry.MaxJitter = TimeSpan.Zero;
        });
        if (!onEveryClient)
            batch.AddStandardResilienceHandler(Quick);
        return services.BuildServiceProvider();
    }

    /// <summary>The standard handler without back-off, so that what it would do happens at once.</summary>
    private static void Quick(HttpStandardResilienceOptions options)
    {
        options.Retry.Delay = TimeSpan.Zero;
        options.Retry.UseJitter = false;
    }
}
