using System;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Serialization;

/// <summary>
/// The JSON settings of the SDK (nswag.json <c>jsonSerializerSettingsTransformationMethod</c>), also available to
/// serialize models exactly as the SDK sends them.
/// </summary>
public static class BatchJson
{
    private static readonly JsonSerializerSettings Shared = Configure(new JsonSerializerSettings());

    /// <summary>Applies the SDK's settings: strings stay strings (no date sniffing), RFC 3339 dates, requests validated before they are written.</summary>
    /// <param name="settings">The settings to change.</param>
    /// <returns>The same settings.</returns>
    public static JsonSerializerSettings Configure(JsonSerializerSettings settings)
    {
        if (settings is null)
            throw new ArgumentNullException(nameof(settings));
        EnsureDynamicCode(IsDynamicCodeSupported);
        // Date-like strings ("2018-08-13T10:11:38") must reach string properties and extension data unchanged.
        settings.DateParseHandling = DateParseHandling.None;
        settings.ContractResolver = BatchContractResolver.Instance;
        settings.Converters.Add(BatchDateTimeOffsetConverter.Instance);
        return settings;
    }

#if NET8_0_OR_GREATER
    private static bool IsDynamicCodeSupported => System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported;
#else
    private static bool IsDynamicCodeSupported => true;
#endif

    // Native AOT: Newtonsoft.Json cannot be trusted without code generated at run time (an AOT app was seen sending a
    // push create without its fields), so the SDK refuses before any request body is written or answer read. The
    // package's build warning BATCHSDK001 (buildTransitive/Batch.Sdk.targets) says so at build time.
    internal static void EnsureDynamicCode(bool supported)
    {
        if (!supported)
            throw new PlatformNotSupportedException(
                "Batch.Sdk does not support Native AOT: it serializes with Newtonsoft.Json, which needs code generated at run time. Publish with PublishTrimmed=true or without PublishAot.");
    }

    /// <summary>Serializes a model as the SDK would send it.</summary>
    /// <param name="value">The model.</param>
    /// <returns>Its JSON.</returns>
    /// <exception cref="BatchValidationException">The model breaks a constraint of the spec.</exception>
    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Shared);

    /// <summary>Deserializes JSON into a model as the SDK reads responses.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    public static T? Deserialize<T>(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return JsonSerializer.Create(Shared).Deserialize<T>(reader);
    }

    /// <summary>
    /// Any JSON text read leniently with the SDK's settings (date-like strings stay text), as one JSON value with nothing
    /// after it, or null when it is empty, cut short or not JSON: error bodies (BatchErrorDetails) and the fake's request
    /// bodies. <see cref="JToken.ReadFrom(JsonReader)"/>, not the serializer, which returns a cut-off object without complaint.
    /// </summary>
    internal static JToken? ParseOrNull(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text!))
            {
                DateParseHandling = Shared.DateParseHandling,
                DateTimeZoneHandling = Shared.DateTimeZoneHandling,
                FloatParseHandling = Shared.FloatParseHandling,
                MaxDepth = Shared.MaxDepth,
            };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
