using System.Collections.Generic;
using Batch.Sdk.Testing.Spec;

namespace Batch.Sdk.Testing.Handling;

/// <summary>Builds the documented error responses of each family from the spec's error examples.</summary>
internal sealed class FakeErrors(SpecErrorCatalog catalog)
{
    public const string AuthenticationInvalid = "AUTHENTICATION_INVALID";
    public const string RouteNotFound = "ROUTE_NOT_FOUND";
    public const string MaintenanceError = "MAINTENANCE_ERROR";
    public const string TooManyRequests = "TOO_MANY_REQUESTS";
    public const string ServerError = "SERVER_ERROR";

    /// <summary>The error's documented status and body, with <paramref name="message"/> when given.</summary>
    public FakeResponse Error(ApiFamily family, string name, string? message = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var (status, body) = catalog.Get(family, name, message);
        return new FakeResponse(status, body, headers);
    }

    public FakeResponse Violation(ApiFamily family, SpecViolation violation) => Error(family, violation.ErrorName, violation.Message);
}
