using System;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Batch.Sdk.Tests.DependencyInjection;

/// <summary>
/// With AddBatch, nothing logged at any level carries a key: IHttpClientFactory's default loggers (which write the
/// full URL, app key included, at Information) are replaced by the pipeline's masked per-attempt event.
/// </summary>
public sealed class AddBatchLoggingTests
{
    [Fact]
    public async Task No_log_record_at_any_level_holds_a_key_and_each_attempt_is_logged_with_a_masked_path()
    {
        using var server = new FaultyServer(FaultyServer.Answer(200, "[]"));
        var logs = new FakeLogCollector();
        using var provider = Provider(server, logs);
        var batch = provider.GetRequiredService<IBatchClient>();

        await batch.PushCampaigns.ListAsync();
        await batch.ForApp("OTHER_APP_KEY_77").InAppCampaigns.ListAsync();

        var records = logs.GetSnapshot();
        records.ShouldNotBeEmpty();
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(pair => pair.Value) ?? []);
            foreach (var secret in new[] { LoopbackServer.AppApiKey, "OTHER_APP_KEY_77", LoopbackServer.RestApiKey, LoopbackServer.ProjectKey })
                text.ShouldNotContain(secret);
        }

        records.Where(record => record.Id.Name == "BatchAttempt").Select(record => record.Message).ShouldBe(
        [
            "pushCampaigns_list GET /1.1/***/campaigns/list answered 200 in " + Elapsed(records, 0) + " ms",
            "inAppCampaigns_list GET /1.1/***/in-app-campaigns/list answered 200 in " + Elapsed(records, 1) + " ms",
        ]);
    }

    [Fact]
    public async Task An_operation_logs_its_start_and_end_at_Debug_and_an_unknown_outcome_at_Warning_with_stable_event_ids()
    {
        using var server = new FaultyServer(FaultyServer.Answer(500, """{"code":0,"type":"SERVER_ERROR","message":"boom"}"""));
        var logs = new FakeLogCollector();
        using var provider = Provider(server, logs);

        await Should.ThrowAsync<BatchOutcomeUnknownException>(() => provider.GetRequiredService<IBatchClient>().PushCampaigns.CreateAsync(Samples.PushCampaign()));

        var records = logs.GetSnapshot().Where(record => record.Category == "Batch.Sdk").ToArray();
        records.Select(record => (record.Id.Id, record.Id.Name, record.Level)).ShouldBe(
        [
            (1011, "BatchOperationStart", LogLevel.Debug),
            (1010, "BatchAttempt", LogLevel.Information),
            (1003, "BatchOutcomeUnknown", LogLevel.Warning),
            (1012, "BatchOperationEnd", LogLevel.Debug),
        ]);
        records[2].Message.ShouldBe("pushCampaigns_create POST /1.1/***/campaigns/create may or may not have been carried out after 1 attempt(s) (500); it was not sent again");
    }

    /// <summary>AddBatch with the test keys for <paramref name="server"/>, logging everything into <paramref name="logs"/>.</summary>
    private static ServiceProvider Provider(FaultyServer server, FakeLogCollector logs)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        services.AddBatch(options =>
        {
            options.RestApiKey = LoopbackServer.RestApiKey;
            options.ProjectKey = LoopbackServer.ProjectKey;
            options.AppApiKey = LoopbackServer.AppApiKey;
            options.BaseAddress = server.BaseAddress;
        });
        return services.BuildServiceProvider();
    }

    private static string Elapsed(System.Collections.Generic.IReadOnlyList<FakeLogRecord> records, int index) =>
        records.Where(record => record.Id.Name == "BatchAttempt").ElementAt(index).StructuredState!.Single(pair => pair.Key == "ElapsedMilliseconds").Value!;
}
