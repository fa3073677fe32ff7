using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Telemetry;
using Batch.Sdk.Tests.Pipeline;
using OpenTelemetry;
using OpenTelemetry.Trace;
using WireMock.RequestBuilders;
using static Batch.Sdk.Tests.Pipeline.BatchResilienceHandlerStatusTests;

namespace Batch.Sdk.Tests.Telemetry;

/// <summary>
/// The SDK's spans and metrics as an OpenTelemetry setup sees them: one span per operation around all attempts, with
/// the runtime's HTTP spans as children, and bounded metrics. Runs alone: listeners are process-wide.
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class BatchInstrumentationTests : IDisposable
{
    private const string ListPath = "/1.1/" + LoopbackServer.AppApiKey + "/campaigns/list";
    private const string CreatePath = "/1.1/" + LoopbackServer.AppApiKey + "/campaigns/create";

    private readonly LoopbackServer _server = new();
    private readonly List<Activity> _spans = [];
    private readonly TracerProvider _tracing;
    private readonly MetricRecorder _metrics = new();

    public BatchInstrumentationTests()
    {
        _tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(BatchTelemetry.SourceName)
            .AddHttpClientInstrumentation()
            .AddInMemoryExporter(_spans)
            .Build()!;
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _metrics.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task A_successful_call_is_one_span_named_after_the_operation_with_the_HTTP_span_as_its_child()
    {
        _server.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).RespondWith(Ok("[]"));
        using var batch = _server.CreateClient();

        await batch.PushCampaigns.ListAsync();
        _tracing.ForceFlush();

        var span = _spans.Single(s => s.Source.Name == BatchTelemetry.SourceName);
        span.DisplayName.ShouldBe("pushCampaigns_list");
        span.Kind.ShouldBe(ActivityKind.Internal);
        span.Status.ShouldBe(ActivityStatusCode.Unset);
        span.GetTagItem("http.request.method").ShouldBe("GET");
        span.GetTagItem("server.address").ShouldBe("127.0.0.1");
        span.GetTagItem("url.template").ShouldBe("/1.1/{apiKey}/campaigns/list");
        span.GetTagItem("http.response.status_code").ShouldBe(200);
        span.GetTagItem("batch.api.family").ShouldBe("app");
        span.GetTagItem("batch.api.version").ShouldBe("1.1");
        span.GetTagItem("batch.attempts").ShouldBe(1);
        span.GetTagItem("batch.outcome").ShouldBe("success");
        var http = _spans.Single(s => s.Source.Name != BatchTelemetry.SourceName);
        http.ParentSpanId.ShouldBe(span.SpanId);
        _metrics.Sum("batch.client.operation.duration").ShouldBe(1, "one duration recorded");
    }

    [Fact]
    public async Task A_429_then_success_is_one_span_with_two_attempts_and_one_throttle_wait()
    {
        _server.Server.Sequence(() => Request.Create().WithPath(CreatePath).UsingPost(), TooManyRequests(), Created("t"));
        using var harness = new RetryHarness(_server);

        await harness.RunAsync(batch => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));
        _tracing.ForceFlush();

        var span = _spans.Single(s => s.Source.Name == BatchTelemetry.SourceName);
        span.GetTagItem("batch.attempts").ShouldBe(2);
        span.GetTagItem("batch.rate_limit.waits").ShouldBe(1);
        span.Events.Single(e => e.Name == "batch.retry").Tags.ShouldContain(tag => tag.Key == "batch.retry.reason" && (string)tag.Value! == "429");
        _spans.Count(s => s.Source.Name != BatchTelemetry.SourceName).ShouldBe(2);
        _spans.Where(s => s.Source.Name != BatchTelemetry.SourceName).ShouldAllBe(http => http.ParentSpanId == span.SpanId);
        _metrics.Count("batch.client.retries", ("batch.retry.reason", "429")).ShouldBe(1);
        _metrics.Count("batch.client.rate_limited").ShouldBe(1);
    }

    [Fact]
    public async Task A_create_with_an_unknown_outcome_is_an_error_span_and_counted()
    {
        _server.Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(ServerError(500));
        using var batch = _server.CreateClient();

        await Should.ThrowAsync<BatchOutcomeUnknownException>(() => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));
        _tracing.ForceFlush();

        var span = _spans.Single(s => s.Source.Name == BatchTelemetry.SourceName);
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("error.type").ShouldBe("500");
        span.GetTagItem("batch.outcome_unknown").ShouldBe(true);
        span.GetTagItem("batch.error.name").ShouldBe("SERVER_ERROR");
        _metrics.Count("batch.client.outcome_unknown", ("batch.operation", "pushCampaigns_create")).ShouldBe(1);
    }

    [Fact]
    public async Task A_call_refused_before_sending_is_a_span_with_error_type_and_no_HTTP_child()
    {
        using var batch = _server.CreateClient();

        await Should.ThrowAsync<ArgumentException>(() => batch.PushCampaigns.GetAsync(".."));
        _tracing.ForceFlush();

        var span = _spans.ShouldHaveSingleItem();
        span.DisplayName.ShouldBe("pushCampaigns_get");
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("error.type").ShouldBe("System.ArgumentException");
        span.GetTagItem("batch.attempts").ShouldBe(0);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_that_breaks_the_spec_is_refused_in_a_span_with_error_type_and_nothing_is_sent()
    {
        using var batch = _server.CreateClient();

        await Should.ThrowAsync<BatchValidationException>(() => batch.PushCampaigns.CreateAsync(new PushCampaignCreateRequest()));
        _tracing.ForceFlush();

        var span = _spans.ShouldHaveSingleItem();
        span.DisplayName.ShouldBe("pushCampaigns_create");
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("error.type").ShouldBe(typeof(BatchValidationException).FullName);
        span.GetTagItem("batch.attempts").ShouldBe(0);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cancelled_call_ends_its_span_as_cancelled()
    {
        using var server = new FaultyServer(FaultyServer.NoAnswer());
        using var batch = new BatchClient(LoopbackServer.OptionsFor(server.BaseAddress));
        using var cancellation = new CancellationTokenSource();

        var call = batch.PushCampaigns.ListAsync(cancellationToken: cancellation.Token);
        while (server.Requests.Count == 0)
            await Task.Delay(5);
        cancellation.Cancel();
        await Should.ThrowAsync<OperationCanceledException>(() => call);
        _tracing.ForceFlush();

        var span = _spans.Single(s => s.Source.Name == BatchTelemetry.SourceName);
        span.GetTagItem("batch.outcome").ShouldBe("cancelled");
        span.Status.ShouldBe(ActivityStatusCode.Error);
    }

    [Fact]
    public async Task No_span_attribute_or_metric_tag_holds_a_key_and_1000_campaign_tokens_make_one_tag_set()
    {
        _server.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/1.1/*")).UsingGet())
            .RespondWith(Ok("""{"campaign_token":"x","name":"n","live":true,"from_api":true,"dev_only":false,"created_date":"2020-01-01T00:00:00","push_time":"now","messages":[]}"""));
        using var batch = _server.CreateClient();
        var tokens = Enumerable.Range(0, 1000).Select(i => $"token_{i:D4}").ToArray();

        foreach (var token in tokens)
            await batch.PushCampaigns.GetAsync(token);
        _tracing.ForceFlush();

        var secrets = new[] { LoopbackServer.AppApiKey, LoopbackServer.RestApiKey, LoopbackServer.ProjectKey };
        foreach (var span in _spans.Where(s => s.Source.Name == BatchTelemetry.SourceName))
        {
            var text = span.DisplayName + " " + string.Join(" ", span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
            secrets.Concat(tokens.Take(5)).ShouldAllBe(secret => !text.Contains(secret));
        }

        var tagSets = _metrics.TagSets();
        tagSets.SelectMany(set => set).ShouldAllBe(tag => !secrets.Any(secret => tag.Contains(secret)) && !tag.Contains("token_"));
        _metrics.TagSets("batch.client.operation.duration").Count.ShouldBe(1);
    }

    [Fact]
    public async Task With_the_one_line_enrichment_the_runtime_HTTP_span_shows_no_app_key()
    {
        _spans.Clear();
        using var tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddHttpClientInstrumentation(options => options.EnrichWithHttpResponseMessage = (activity, _) => BatchTelemetry.MaskAppKey(activity))
            .AddInMemoryExporter(_spans)
            .Build()!;
        _tracing.Dispose();
        _server.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).RespondWith(Ok("[]"));
        using var batch = _server.CreateClient();

        await batch.PushCampaigns.ListAsync();
        tracing.ForceFlush();

        var http = _spans.Where(s => s.Source.Name != BatchTelemetry.SourceName).ShouldHaveSingleItem();
        ((string)http.GetTagItem("url.full")!).ShouldEndWith("/1.1/***/campaigns/list");
        string.Join(" ", http.TagObjects.Select(tag => $"{tag.Value}")).ShouldNotContain(LoopbackServer.AppApiKey);
    }

    [Fact]
    public void Without_a_listener_nothing_is_recorded()
    {
        BatchInstrumentation.Source.HasListeners().ShouldBeTrue("this test class listens");
        _tracing.Dispose();
        _metrics.Dispose();

        BatchInstrumentation.Source.HasListeners().ShouldBeFalse();
    }

    /// <summary>Every Batch.Sdk measurement, with its tags.</summary>
    private sealed class MetricRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

        public MetricRecorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BatchTelemetry.MeterName)
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.Start();
        }

        /// <summary>How many measurements an instrument took.</summary>
        public int Sum(string instrument) => _measurements.Count(m => m.Instrument == instrument);

        /// <summary>The sum of a counter's measurements that carry <paramref name="tag"/>.</summary>
        public long Count(string instrument, (string Key, string Value)? tag = null) => (long)_measurements
            .Where(m => m.Instrument == instrument && (tag is null || m.Tags.Any(t => t.Key == tag.Value.Key && $"{t.Value}" == tag.Value.Value)))
            .Sum(m => m.Value);

        public List<string[]> TagSets(string? instrument = null) => _measurements
            .Where(m => instrument is null || m.Instrument == instrument)
            .Select(m => m.Tags.Select(t => $"{t.Key}={t.Value}").OrderBy(t => t, StringComparer.Ordinal).ToArray())
            .GroupBy(set => string.Join(",", set))
            .Select(group => group.First())
            .ToList();

        public void Dispose() => _listener.Dispose();
    }
}
