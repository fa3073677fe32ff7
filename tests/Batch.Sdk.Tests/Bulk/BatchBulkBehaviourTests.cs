using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Bulk;
using Batch.Sdk.Pipeline;

namespace Batch.Sdk.Tests.Bulk;

public sealed class BatchBulkBehaviourTests
{
    private readonly StubBatch _stub = new();

    private BatchBulk Bulk(int parallelism = 4, BatchQuota? profiles = null) => new(_stub.Client, new BatchBulkOptions
    {
        MaxParallelism = parallelism,
        ProfilesUpdate = profiles ?? BatchQuota.Unpaced(),
        ProfilesMassUpdate = BatchQuota.Unpaced(),
    });

    private static BatchApiException ApiError(int status, string name) =>
        new($"Batch answered {status}.", status, $"{{\"error_code\":\"{name}\",\"error_message\":\"refused\"}}", new Dictionary<string, IEnumerable<string>>(), null);

    private static BatchOutcomeUnknownException Unknown() =>
        new("profiles_update", "POST", "/2.8/profiles/update", 1, new HttpRequestException("connection reset"));

    private static string Id(ProfileUpdate profile) => profile.Identifiers.CustomId;

    [Fact]
    public async Task A_failed_chunk_lists_its_items_as_retryable_and_resending_them_completes_the_work()
    {
        var input = BulkItems.Profiles(1_000);
        var attempt = 0;
        _stub.On("Profiles.UpdateAsync", arguments =>
        {
            var chunk = (List<ProfileUpdate>)arguments[0]!;
            // The chunk holding user-400 is refused once, as under maintenance.
            if (chunk.Any(p => Id(p) == "user-400") && Interlocked.Increment(ref attempt) == 1)
                throw ApiError(503, "MAINTENANCE_ERROR");
            return Task.CompletedTask;
        });

        var first = await Bulk().UpdateProfilesAsync(input);

        first.Accepted.ShouldBe(800);
        first.Failed.Count.ShouldBe(200);
        first.Failed.ShouldAllBe(failure => failure.IsRetryable && failure.Error is BatchApiException);
        first.Failed.Select(failure => Id(failure.Item)).ShouldContain("user-400");
        first.Succeeded.ShouldBeFalse();
        first.InputExhausted.ShouldBeTrue();

        var resumed = await Bulk().UpdateProfilesAsync(first.Retryable);

        resumed.Succeeded.ShouldBeTrue();
        (first.Accepted + resumed.Accepted).ShouldBe(1_000);
        var sent = _stub.Chunks<ProfileUpdate>("Profiles.UpdateAsync").SelectMany(chunk => chunk).Select(Id).Distinct();
        sent.Count().ShouldBe(1_000);
    }

    [Fact]
    public async Task Items_batch_refuses_as_invalid_fail_as_not_retryable()
    {
        _stub.On("Profiles.UpdateAsync", _ => throw ApiError(400, "MALFORMED_PARAMETER"));

        var result = await Bulk().UpdateProfilesAsync(BulkItems.Profiles(3));

        result.Failed.Count.ShouldBe(3);
        result.Failed.ShouldAllBe(failure => !failure.IsRetryable);
        result.Retryable.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_outcome_on_a_non_idempotent_update_is_reported_and_never_sent_again()
    {
        _stub.On("Profiles.UpdateAsync", arguments =>
            ((List<ProfileUpdate>)arguments[0]!).Any(p => Id(p) == "user-200") ? Task.FromException(Unknown()) : Task.CompletedTask);

        var result = await Bulk().UpdateProfilesAsync(BulkItems.Profiles(600));

        result.Unknown.Count.ShouldBe(200);
        result.Unknown.ShouldAllBe(item => item.Error is BatchOutcomeUnknownException && !item.IsRetryable);
        result.Failed.ShouldBeEmpty();
        result.Accepted.ShouldBe(400);
        result.Retryable.ShouldBeEmpty();
        // Three chunks, three calls: the unknown one was not replayed.
        _stub.Calls.Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_unknown_outcome_on_an_idempotent_audience_update_is_a_retryable_failure()
    {
        _stub.On("Audiences.UpdateAsync", _ => Task.FromException(Unknown()));

        var result = await Bulk().UpdateAudienceAsync("vip", [new AudienceIdUpdate { Action = MembershipAction.Add, Id = "a" }]);

        result.Unknown.ShouldBeEmpty();
        result.Failed.ShouldHaveSingleItem().IsRetryable.ShouldBeTrue();
    }

    [Fact]
    public async Task Later_updates_of_an_identifier_wait_for_the_chunk_carrying_its_earlier_update()
    {
        // user-0 is updated in the second chunk and again in the fourth; the second chunk's call is held open.
        var input = BulkItems.Profiles(200, "first-").Concat(BulkItems.Profiles(400)).Append(BulkItems.Profile("user-0", plan: "gold")).ToList();
        var held = new TaskCompletionSource();
        var started = new List<string>();
        _stub.On("Profiles.UpdateAsync", arguments =>
        {
            var chunk = (List<ProfileUpdate>)arguments[0]!;
            lock (started)
                started.Add(Id(chunk[0]));
            return Id(chunk[0]) == "user-0" && chunk.Count == 200 ? held.Task : Task.CompletedTask;
        });

        var run = Bulk(parallelism: 4).UpdateProfilesAsync(input);
        await WaitUntil(() => { lock (started) return started.Count == 3; });
        await Task.Delay(100);

        lock (started)
        {
            // The first call goes alone; the second and third run side by side, in either order; the fourth chunk,
            // with user-0's second update, is held back.
            started[0].ShouldBe("first-0");
            started.Skip(1).OrderBy(id => id, StringComparer.Ordinal).ShouldBe(["user-0", "user-200"]);
        }

        held.SetResult();
        var result = await run;

        started.Count.ShouldBe(4);
        started[3].ShouldBe("user-0");
        result.Accepted.ShouldBe(601);
    }

    [Fact]
    public async Task After_a_failed_update_the_identifiers_later_updates_are_not_sent()
    {
        var input = BulkItems.Profiles(200).Append(BulkItems.Profile("user-7", plan: "gold")).Append(BulkItems.Profile("other")).ToList();
        _stub.On("Profiles.UpdateAsync", arguments =>
            ((List<ProfileUpdate>)arguments[0]!).Count == 200 ? Task.FromException(ApiError(503, "MAINTENANCE_ERROR")) : Task.CompletedTask);

        var result = await Bulk(parallelism: 1).UpdateProfilesAsync(input);

        var later = _stub.Chunks<ProfileUpdate>("Profiles.UpdateAsync")[1];
        later.Select(Id).ShouldBe(["other"]);
        var heldBack = result.Failed.Single(failure => failure.Item.Attributes is not null);
        heldBack.IsRetryable.ShouldBeTrue();
        heldBack.Reason.ShouldContain("earlier update of the same identifier");
        // Resending the retryable items in their order keeps user-7's updates in order.
        result.Retryable.Where(p => Id(p) == "user-7").Select(p => p.Attributes is null ? "first" : "second").ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task Cancelling_between_chunks_stops_reading_and_reports_what_was_sent()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        _stub.On("Profiles.UpdateAsync", _ =>
        {
            if (Interlocked.Increment(ref calls) == 2)
                cancel.Cancel();
            return Task.CompletedTask;
        });

        var cancelled = await Cancelled(
            () => Bulk(parallelism: 1).UpdateProfilesAsync(BulkItems.Profiles(10_000), cancellationToken: cancel.Token));

        cancelled.CancellationToken.ShouldBe(cancel.Token);
        var result = cancelled.Result;
        result.Accepted.ShouldBe(400);
        result.Read.ShouldBe(400);
        result.NotSent.ShouldBeEmpty();
        result.InputExhausted.ShouldBeFalse();
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task Cancelling_while_a_chunk_waits_for_the_quota_returns_that_chunk_as_not_sent()
    {
        _stub.On("Profiles.UpdateAsync", BulkItems.Completed);
        using var cancel = new CancellationTokenSource();
        var read = 0;
        var input = BulkItems.Profiles(1_000).Select(profile =>
        {
            Interlocked.Increment(ref read);
            return profile;
        });
        // Calls of 200 (half the burst) from a bucket refilled at 1 a second: the second chunk would wait minutes.
        var bulk = Bulk(parallelism: 1, profiles: new BatchQuota(1, 400));

        var run = Cancelled(() => bulk.UpdateProfilesAsync(input, cancellationToken: cancel.Token));
        await WaitUntil(() => Volatile.Read(ref read) == 400 && _stub.Calls.Count == 1);
        await Task.Delay(100);
        cancel.Cancel();
        var cancelled = await run;

        cancelled.Result.Accepted.ShouldBe(200);
        cancelled.Result.NotSent.Count.ShouldBe(200);
        cancelled.Result.NotSent[0].Identifiers.CustomId.ShouldBe("user-200");
        cancelled.Result.Retryable.Count().ShouldBe(200);
        _stub.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_input_is_read_as_a_stream_a_bounded_number_of_chunks_ahead()
    {
        var read = 0;
        IEnumerable<ProfileUpdate> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref read);
                yield return BulkItems.Profile($"user-{i}");
            }
        }

        var hold = new TaskCompletionSource();
        var calls = 0;
        // The first chunk, sent alone, is answered; the next ones are held open.
        _stub.On("Profiles.UpdateAsync", _ => Interlocked.Increment(ref calls) == 1 ? Task.CompletedTask : hold.Task);
        using var cancel = new CancellationTokenSource();

        var run = Bulk(parallelism: 2).UpdateProfilesAsync(Endless(), cancellationToken: cancel.Token);
        await WaitUntil(() => Volatile.Read(ref calls) == 3);
        await Task.Delay(100);

        // Two chunks in flight and none read beyond them: memory does not grow with the input.
        Volatile.Read(ref read).ShouldBe(600);
        cancel.Cancel();
        hold.SetResult();
        var cancelled = await Cancelled(() => run);
        cancelled.Result.Accepted.ShouldBe(600);
    }

    [Fact]
    public async Task Items_of_answered_chunks_are_not_kept_alive_by_the_run()
    {
        // Weak references to the items of the first chunks: once answered, nothing of the run may hold them.
        var tracked = new List<WeakReference>();
        var release = new TaskCompletionSource();
        var calls = 0;
        _stub.Record = false;
        _stub.On("Profiles.UpdateAsync", _ => Interlocked.Increment(ref calls) < 20 ? Task.CompletedTask : release.Task);
        IEnumerable<ProfileUpdate> Input()
        {
            for (var i = 0; i < 10_000; i++)
            {
                var profile = BulkItems.Profile($"user-{i}");
                if (i < 2_000)
                    tracked.Add(new WeakReference(profile));
                yield return profile;
            }
        }

        var run = Bulk(parallelism: 1).UpdateProfilesAsync(Input());
        await WaitUntil(() => Volatile.Read(ref calls) == 20);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        tracked.Count(reference => reference.IsAlive).ShouldBe(0);
        release.SetResult();
        (await run).Accepted.ShouldBe(10_000);
    }

    [Fact]
    public async Task Progress_is_reported_after_every_chunk()
    {
        _stub.On("Profiles.MassUpdateAsync", BulkItems.Completed);
        var reports = new List<BatchBulkProgress>();
        var progress = new SynchronousProgress(p => { lock (reports) reports.Add(p); });

        await Bulk(parallelism: 1).MassUpdateProfilesAsync(BulkItems.Profiles(25_000), progress);

        reports.Select(p => p.Accepted).ShouldBe([10_000, 20_000, 25_000]);
        reports.Last().Chunks.ShouldBe(3);
    }

    [Fact]
    public async Task A_429_absorbed_by_the_retry_policy_pauses_the_quota_and_halves_its_pace()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var calls = 0;
        _stub.On("Profiles.UpdateAsync", _ =>
        {
            // What the retry handler does when Batch answers 429: it reports the wait it is about to apply.
            if (Interlocked.Increment(ref calls) == 1)
                BatchThrottleScope.OnThrottled(TimeSpan.FromSeconds(5));
            return Task.CompletedTask;
        });
        var bulk = new BatchBulk(_stub.Client, new BatchBulkOptions { MaxParallelism = 1, ProfilesUpdate = BatchQuota.Unpaced(), TimeProvider = time });

        var run = bulk.UpdateProfilesAsync(BulkItems.Profiles(400));
        await WaitUntil(() => calls == 1);
        await Task.Delay(100);
        calls.ShouldBe(1); // the second chunk waits out the 5 seconds
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await run;

        calls.ShouldBe(2);
        result.Throttled.ShouldBe(1);
        result.Accepted.ShouldBe(400);
    }

    [Fact]
    public async Task A_429_that_outlasts_the_retries_fails_the_chunk_as_retryable_and_pauses_the_quota()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var calls = 0;
        _stub.On("Profiles.UpdateAsync", _ =>
            Interlocked.Increment(ref calls) == 1 ? Task.FromException(ApiError(429, "TOO_MANY_REQUESTS")) : Task.CompletedTask);
        var bulk = new BatchBulk(_stub.Client, new BatchBulkOptions { MaxParallelism = 1, ProfilesUpdate = BatchQuota.Unpaced(), TimeProvider = time });

        var run = bulk.UpdateProfilesAsync(BulkItems.Profiles(400));
        await WaitUntil(() => calls == 1);
        await Task.Delay(100);
        calls.ShouldBe(1);
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await run;

        result.Throttled.ShouldBe(1);
        result.Failed.Count.ShouldBe(200);
        result.Failed.ShouldAllBe(failure => failure.IsRetryable);
        result.Accepted.ShouldBe(200);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Should.Throw<ArgumentException>(() => new BatchBulk(_stub.Client, new BatchBulkOptions { MaxParallelism = 0 }));
        Should.Throw<ArgumentException>(() => new BatchBulk(_stub.Client, new BatchBulkOptions { TargetUtilization = 1.5 }));
        Should.Throw<ArgumentException>(() => new BatchBulk(_stub.Client, new BatchBulkOptions { ProfilesUpdate = new BatchQuota(300, 0) }));
    }

    /// <summary>The exception a cancelled run throws (Shouldly reports a cancelled task as a bare TaskCanceledException).</summary>
    private static async Task<BatchBulkCancelledException<ProfileUpdate>> Cancelled(Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (BatchBulkCancelledException<ProfileUpdate> cancelled)
        {
            return cancelled;
        }

        throw new ShouldAssertException("The run was not cancelled.");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
            await Task.Delay(10, timeout.Token);
    }

    /// <summary>Reports on the reporting thread (Progress{T} would post to the thread pool and arrive late).</summary>
    private sealed class SynchronousProgress(Action<BatchBulkProgress> report) : IProgress<BatchBulkProgress>
    {
        public void Report(BatchBulkProgress value) => report(value);
    }
}
