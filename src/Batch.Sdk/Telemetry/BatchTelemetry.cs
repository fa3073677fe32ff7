using System;
using System.Diagnostics;
using Batch.Sdk.Security;

namespace Batch.Sdk.Telemetry;

/// <summary>
/// The names to enable the SDK's telemetry with OpenTelemetry (<c>AddSource(BatchTelemetry.SourceName)</c>,
/// <c>AddMeter(BatchTelemetry.MeterName)</c>), and the masking of the app key in the runtime's HTTP spans.
/// </summary>
public static class BatchTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> of the SDK's operation spans: <c>Batch.Sdk</c>.</summary>
    public const string SourceName = "Batch.Sdk";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the SDK's metrics: <c>Batch.Sdk</c>.</summary>
    public const string MeterName = "Batch.Sdk";

    /// <summary>
    /// Masks the 1.1 app key in an HTTP client span of the runtime (<c>System.Net.Http</c>) or of OpenTelemetry's
    /// HttpClient instrumentation: <c>url.full</c> (and the older <c>http.url</c>) <c>https://api.batch.com/1.1/KEY/campaigns</c>
    /// becomes <c>https://api.batch.com/1.1/***/campaigns</c>. Call it from a processor's <c>OnEnd</c>, before exporters
    /// see the span; other spans are left as they are.
    /// </summary>
    /// <param name="activity">A finished span.</param>
    /// <returns>Whether the span carried an app key that was masked.</returns>
    public static bool MaskAppKey(Activity activity)
    {
        if (activity is null)
            throw new ArgumentNullException(nameof(activity));
        var masked = false;
        foreach (var tag in new[] { "url.full", "http.url" })
        {
            if (activity.GetTagItem(tag) is string url && Mask(url) is { } safe)
            {
                activity.SetTag(tag, safe);
                masked = true;
            }
        }

        if (Mask(activity.DisplayName) is { } name)
        {
            activity.DisplayName = name;
            masked = true;
        }

        return masked;
    }

    /// <summary>The URL or text with its 1.x app key segment masked, or null when it has none.</summary>
    private static string? Mask(string text)
    {
        var start = text.IndexOf("/1.", StringComparison.Ordinal);
        if (start < 0)
            return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            var path = BatchRedactor.MaskAppKeySegment(text);
            return path == text ? null : path;
        }

        var maskedPath = BatchRedactor.MaskedPath(uri);
        return maskedPath == uri.AbsolutePath ? null : uri.GetLeftPart(UriPartial.Authority) + maskedPath + uri.Query;
    }
}
