using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace Batch.Sdk.Errors;

/// <summary>Reads a <c>Retry-After</c> header value: delay in seconds or an HTTP date.</summary>
internal static class BatchRetryAfter
{
    /// <summary>The wait the response's <c>Retry-After</c> header asks for, measured from <paramref name="now"/>; null when absent or unreadable.</summary>
    public static TimeSpan? Of(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.TryGetValues("Retry-After", out var values) ? Parse(values.FirstOrDefault(), now) : null;

    /// <summary>The wait the value asks for, measured from <paramref name="now"/>; never negative; null when absent or unreadable.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value!.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.MaxValue.TotalSeconds));
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return date > now ? date - now : TimeSpan.Zero;
        return null;
    }
}
