using Batch.Sdk;
using Batch.Sdk.Bulk;
using Batch.Sdk.Testing;

namespace Batch.Sdk.Example;

/// <summary>
/// A user-base sync as a customer's service would write it: profiles streamed from a store, sent through the bulk
/// sender to the mass-update endpoint (Batch's choice for large synchronisations) at its rate limit, with a console
/// progress line and the achieved rate at the end.
/// </summary>
internal sealed class ProfileSync(IBatchClient batch, TextWriter log, bool onFake)
{
    /// <summary>
    /// The fake enforces Batch's documented mass-update quota as is (10,000 updates a second, no burst): the 50,000
    /// profiles take about 5 seconds. (The real-time update endpoint, at 300 a second, would take 2.8 minutes.)
    /// </summary>
    private const double FakeScale = 1;

    /// <summary>Profiles written to the fake; a smaller sample against the real API, to spare your project.</summary>
    private int Count => onFake ? 50_000 : 1_000;

    /// <summary>The fake's quotas for this example: Batch's mass-update quota.</summary>
    public static BatchFakeQuotas FakeQuotas => new() { ProfilesMassUpdate = new BatchFakeQuota(10_000 * FakeScale, 10_000) };

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = new BatchBulkOptions();
        if (onFake)
            options.ProfilesMassUpdate = new BatchQuota(10_000 * FakeScale, 10_000);
        using var bulk = new BatchBulk(batch, options);
        var total = Count;
        var progress = new ConsoleProgress(log, total);

        var result = await bulk.MassUpdateProfilesAsync(ReadUsers(total), progress, cancellationToken);

        progress.Finish();
        var quota = options.ProfilesMassUpdate.PermitsPerSecond;
        var rate = result.Accepted / result.Elapsed.TotalSeconds;
        log.WriteLine($"profile sync: {result.Accepted:N0} of {total:N0} accepted in {result.Elapsed.TotalSeconds:N1} s: {rate:N0} updates/s, " +
                      $"{rate / quota:P0} of the {quota:N0}/s quota; " +
                      $"{result.Failed.Count} failed, {result.Unknown.Count} unknown, {result.Throttled} throttled");
        if (!result.Succeeded)
            throw new InvalidOperationException($"The profile sync did not complete: {result}.");
    }

    /// <summary>The users to sync, read as a stream (here generated; in a service, a database cursor).</summary>
    private static async IAsyncEnumerable<ProfileUpdate> ReadUsers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 10_000 == 0)
                await Task.Yield();
            yield return new ProfileUpdate
            {
                Identifiers = new ProfileIdentifiers { CustomId = $"example-user-{i}" },
                Attributes = new Dictionary<string, object>
                {
                    ["$language"] = "en",
                    ["plan"] = i % 10 == 0 ? "premium" : "free",
                },
            };
        }
    }

    /// <summary>One console line rewritten in place (on a terminal) at most every 100 ms.</summary>
    private sealed class ConsoleProgress(TextWriter log, int total) : IProgress<BatchBulkProgress>
    {
        private readonly object _gate = new();
        private BatchBulkProgress? _last;
        private BatchBulkProgress? _written;
        private TimeSpan? _shown;

        public void Report(BatchBulkProgress value)
        {
            lock (_gate)
            {
                _last = value;
                if (_shown is { } shown && value.Elapsed - shown < TimeSpan.FromMilliseconds(100))
                    return;
                _shown = value.Elapsed;
                Write(value, Console.IsOutputRedirected ? "\n" : "\r");
            }
        }

        public void Finish()
        {
            lock (_gate)
            {
                if (_last is not null && _last != _written)
                    Write(_last, "\n");
                else if (!Console.IsOutputRedirected)
                    log.WriteLine();
            }
        }

        private void Write(BatchBulkProgress value, string end)
        {
            _written = value;
            log.Write($"profile sync: {value.Accepted,7:N0} / {total:N0} profiles, {value.AcceptedPerSecond,7:N0}/s{end}");
        }
    }
}
