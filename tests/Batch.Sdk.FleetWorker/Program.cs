// One instance of a service fleet syncing profiles to one Batch project: its profile-update quota is a token bucket
// in Redis (RedisRateLimiting), shared by every instance. The README's "fleet setup" lines, run for real.
// Arguments come from the environment: FLEET_REDIS (host:port), FLEET_RATE (updates a second), FLEET_COUNT, FLEET_PREFIX,
// FLEET_START_AT (Unix milliseconds: every instance starts then), BATCH_BASE_ADDRESS, BATCH_REST_API_KEY,
// BATCH_PROJECT_KEY. Prints one line: accepted, failed, unknown, throttled.
using Batch.Sdk;
using Batch.Sdk.Bulk;
using RedisRateLimiting;
using StackExchange.Redis;

static string Setting(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException($"{name} is not set.");

var rate = int.Parse(Setting("FLEET_RATE"), System.Globalization.CultureInfo.InvariantCulture);
var count = int.Parse(Setting("FLEET_COUNT"), System.Globalization.CultureInfo.InvariantCulture);
var prefix = Setting("FLEET_PREFIX");
var projectKey = Setting("BATCH_PROJECT_KEY");

using var redis = await ConnectionMultiplexer.ConnectAsync(Setting("FLEET_REDIS"));
using var batch = new BatchClient(new BatchClientOptions
{
    BaseAddress = new Uri(Setting("BATCH_BASE_ADDRESS")),
    RestApiKey = Setting("BATCH_REST_API_KEY"),
    ProjectKey = projectKey,
});

// The fleet setup: one Redis token bucket per project and quota, in Batch's unit (profile updates).
using var sharedQuota = new RedisTokenBucketRateLimiter<string>($"batch:{projectKey}:profiles-update", new RedisTokenBucketRateLimiterOptions
{
    ConnectionMultiplexerFactory = () => redis,
    TokenLimit = rate,
    TokensPerPeriod = rate,
    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
});
using var bulk = new BatchBulk(batch, new BatchBulkOptions
{
    ProfilesUpdate = new BatchQuota(rate, rate) { Limiter = sharedQuota },
});

// Warm the connection, then start with the other instances, on a whole second as the Redis bucket counts them.
await batch.Segments.ListAsync(limit: 1);
var startAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Setting("FLEET_START_AT"), System.Globalization.CultureInfo.InvariantCulture));
if (startAt > DateTimeOffset.UtcNow)
    await Task.Delay(startAt - DateTimeOffset.UtcNow);

var profiles = Enumerable.Range(0, count).Select(i => new ProfileUpdate { Identifiers = new ProfileIdentifiers { CustomId = $"{prefix}{i}" } });
var result = await bulk.UpdateProfilesAsync(profiles);
Console.WriteLine($"accepted={result.Accepted} failed={result.Failed.Count} unknown={result.Unknown.Count} throttled={result.Throttled}");
return result.Succeeded ? 0 : 1;
