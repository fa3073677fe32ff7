using System;
using System.Threading.Tasks;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>The collection of tests that measure the process's allocations, run alone so other tests do not add to them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurements
{
    public const string Name = "Allocation measurements";
}

/// <summary>
/// No server decides how much memory the client uses: a lying or huge <c>Content-Length</c> never sizes a buffer beyond
/// <see cref="BatchClientOptions.MaxResponseBytes"/>, a streamed body stops at it, error bodies are cut at 16 KiB, and
/// each ends with a typed error that is not retried. Memory is checked with allocation counters.
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class ResponseCapTests
{
    private const int Cap = 1024 * 1024;

    [Theory]
    [InlineData(2_000_000_000L)]
    [InlineData(int.MaxValue - 1L)]
    [InlineData(long.MaxValue)]
    public async Task A_lying_Content_Length_ends_the_call_with_a_BatchApiException_without_allocating_it(long announced)
    {
        using var server = new FaultyServer(FaultyServer.LyingLength(200, announced, "[]"));
        using var batch = new BatchClient(Options(server));

        var allocated = await AllocatedBy(async () =>
        {
            var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.ListAsync());
            exception.StatusCode.ShouldBe(200);
            exception.Message.ShouldContain("too large");
        });

        allocated.ShouldBeLessThan(Cap);
        server.Requests.Count.ShouldBe(2); // the warm-up call and the measured one, each sent once: never retried
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_100_MB_body_stops_at_the_cap_and_allocates_a_small_multiple_of_it(bool announce)
    {
        using var server = new FaultyServer(FaultyServer.StreamBody(200, 100L * 1024 * 1024, announce));
        using var batch = new BatchClient(Options(server));

        var allocated = await AllocatedBy(() => Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.ListAsync()));

        allocated.ShouldBeLessThan(4L * Cap);
        server.Requests.Count.ShouldBe(2); // the warm-up call and the measured one, each sent once: never retried
    }

    [Fact]
    public async Task A_100_MB_error_body_becomes_a_bounded_message_and_body()
    {
        var message = new string('x', 100 * 1024 * 1024);
        using var server = new FaultyServer(FaultyServer.Answer(400, $$"""{"code":31,"type":"MALFORMED_PARAMETER","message":"{{message}}"}"""));
        using var batch = new BatchClient(Options(server));

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.ListAsync());

        exception.StatusCode.ShouldBe(400);
        exception.Response!.Length.ShouldBeLessThanOrEqualTo(16 * 1024);
        exception.Message.Length.ShouldBeLessThan(1000);
    }

    [Fact]
    public async Task A_body_exactly_at_the_cap_is_read()
    {
        var body = "[" + new string(' ', Cap - 2) + "]";
        using var server = new FaultyServer(FaultyServer.Answer(200, body));
        using var batch = new BatchClient(Options(server));

        (await batch.PushCampaigns.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public void The_cap_must_be_between_1_KiB_and_1_GiB()
    {
        var options = LoopbackServer.OptionsFor(new Uri("http://127.0.0.1:1/"));
        options.MaxResponseBytes = 1023;
        Should.Throw<ArgumentException>(() => new BatchClient(options)).Message.ShouldContain("MaxResponseBytes must be between 1 KiB");
        options.MaxResponseBytes = BatchClientOptions.LargestMaxResponseBytes + 1;
        Should.Throw<ArgumentException>(() => new BatchClient(options));
        new BatchClientOptions().MaxResponseBytes.ShouldBe(8 * 1024 * 1024);
    }

    private static BatchClientOptions Options(FaultyServer server)
    {
        var options = LoopbackServer.OptionsFor(server.BaseAddress, withRetries: true);
        options.MaxResponseBytes = Cap;
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxJitter = TimeSpan.Zero;
        return options;
    }

    /// <summary>Bytes allocated by the whole process while <paramref name="action"/> runs (this collection runs alone).</summary>
    private static async Task<long> AllocatedBy(Func<Task> action)
    {
        await action(); // warm up code paths and pools, so only the call itself is measured
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}
