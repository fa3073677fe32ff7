using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Errors;

/// <summary>
/// What an error response says, read from both documented body shapes: 1.x <c>{code, type, message}</c> and 2.x
/// <c>{error_code, error_message}</c>, where the code may be a number, numeric text or a name. A body that is not
/// JSON (an HTML page from a proxy) or is empty yields no details, never an exception.
/// </summary>
internal sealed class BatchErrorDetails
{
    private BatchErrorDetails(BatchError error, string? name, int? code, string? message, TimeSpan? retryAfter)
    {
        Error = error;
        Name = name;
        Code = code;
        Message = message;
        RetryAfter = retryAfter;
    }

    public BatchError Error { get; }

    public string? Name { get; }

    public int? Code { get; }

    public string? Message { get; }

    public TimeSpan? RetryAfter { get; }

    public static BatchErrorDetails From(int status, string? body, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        var json = TryParseObject(body);
        var rawCode = json?["code"] ?? json?["error_code"];
        var code = ReadCode(rawCode);
        var name = ReadString(json?["type"]) ?? (code is null ? ReadString(rawCode) : null);
        var message = ReadString(json?["message"]) ?? ReadString(json?["error_message"]);

        var error = BatchErrorCatalog.FromName(name);
        if (error == BatchError.Unknown)
            error = BatchErrorCatalog.FromCode(code);
        if (error == BatchError.Unknown && name is null && code is null)
            error = BatchErrorCatalog.FromStatus(status);

        name ??= BatchErrorCatalog.NameOf(error);
        code ??= BatchErrorCatalog.SingleCodeOf(error);
        return new BatchErrorDetails(error, name, code, message, ReadRetryAfter(headers));
    }

    private static JObject? TryParseObject(string? body) => Serialization.BatchJson.ParseOrNull(body) as JObject;

    private static int? ReadCode(JToken? token) => token?.Type switch
    {
        JTokenType.Integer => token.Value<int>(),
        JTokenType.String when int.TryParse(token.Value<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) => code,
        _ => null,
    };

    private static string? ReadString(JToken? token) =>
        token?.Type == JTokenType.String && !string.IsNullOrWhiteSpace(token.Value<string>()) ? token.Value<string>() : null;

    private static TimeSpan? ReadRetryAfter(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?
            .FirstOrDefault(header => string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();
        return BatchRetryAfter.Parse(value, DateTimeOffset.UtcNow);
    }
}
