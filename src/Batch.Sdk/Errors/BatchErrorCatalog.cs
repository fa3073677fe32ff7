using System;
using System.Collections.Generic;
using System.Linq;

namespace Batch.Sdk.Errors;

/// <summary>The documented error table: each error's name, HTTP status and numeric codes.</summary>
internal static class BatchErrorCatalog
{
    private static readonly Entry[] Entries =
    [
        new(BatchError.AuthenticationInvalid, "AUTHENTICATION_INVALID", 401, 10),
        new(BatchError.ApiMisuse, "API_MISUSE", 403, 12),
        new(BatchError.RouteNotFound, "ROUTE_NOT_FOUND", 404, 20),
        new(BatchError.MissingParameter, "MISSING_PARAMETER", 400, 30),
        new(BatchError.MalformedParameter, "MALFORMED_PARAMETER", 400, 31),
        new(BatchError.MalformedJsonBody, "MALFORMED_JSON_BODY", 400, 32),
        new(BatchError.ServerError, "SERVER_ERROR", 500, 1, 0),
        new(BatchError.MaintenanceError, "MAINTENANCE_ERROR", 503, 2),
        new(BatchError.TooManyRequests, "TOO_MANY_REQUESTS", 429, 60),
    ];

    private static readonly Dictionary<string, Entry> ByName =
        Entries.ToDictionary(entry => entry.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<int, Entry> ByCode =
        Entries.SelectMany(entry => entry.Codes.Select(code => (code, entry))).ToDictionary(pair => pair.code, pair => pair.entry);

    private static readonly Dictionary<BatchError, Entry> ByError = Entries.ToDictionary(entry => entry.Error);

    public static BatchError FromName(string? name) =>
        name is not null && ByName.TryGetValue(name, out var entry) ? entry.Error : BatchError.Unknown;

    public static BatchError FromCode(int? code) =>
        code is int value && ByCode.TryGetValue(value, out var entry) ? entry.Error : BatchError.Unknown;

    /// <summary>The error an HTTP status stands for when it stands for exactly one (not 400, which has three).</summary>
    public static BatchError FromStatus(int status)
    {
        var matches = Entries.Where(entry => entry.Status == status).ToArray();
        return matches.Length == 1 ? matches[0].Error : BatchError.Unknown;
    }

    /// <summary>The name Batch gives the error, such as <c>MALFORMED_PARAMETER</c>.</summary>
    public static string? NameOf(BatchError error) => ByError.TryGetValue(error, out var entry) ? entry.Name : null;

    /// <summary>The error's numeric code when the documentation gives it only one (SERVER_ERROR has two).</summary>
    public static int? SingleCodeOf(BatchError error) =>
        ByError.TryGetValue(error, out var entry) && entry.Codes.Length == 1 ? entry.Codes[0] : null;

    private sealed class Entry(BatchError error, string name, int status, params int[] codes)
    {
        public BatchError Error { get; } = error;

        public string Name { get; } = name;

        public int Status { get; } = status;

        public int[] Codes { get; } = codes;
    }
}
