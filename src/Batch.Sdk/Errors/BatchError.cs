namespace Batch.Sdk;

/// <summary>The errors Batch documents, with their HTTP status and numeric Batch code.</summary>
public enum BatchError
{
    /// <summary>Not one of the documented errors (an unknown name or code, or no Batch error in the response).</summary>
    Unknown = 0,

    /// <summary>AUTHENTICATION_INVALID (HTTP 401, code 10): a key is missing or invalid.</summary>
    AuthenticationInvalid,

    /// <summary>API_MISUSE (HTTP 403, code 12): the API is used in a way it does not allow, such as a Dev key on a Live-only route.</summary>
    ApiMisuse,

    /// <summary>ROUTE_NOT_FOUND (HTTP 404, code 20): the route, or the campaign it names, does not exist.</summary>
    RouteNotFound,

    /// <summary>MISSING_PARAMETER (HTTP 400, code 30).</summary>
    MissingParameter,

    /// <summary>MALFORMED_PARAMETER (HTTP 400, code 31).</summary>
    MalformedParameter,

    /// <summary>MALFORMED_JSON_BODY (HTTP 400, code 32).</summary>
    MalformedJsonBody,

    /// <summary>SERVER_ERROR (HTTP 500, code 1 on write pages, 0 on read and delete pages).</summary>
    ServerError,

    /// <summary>MAINTENANCE_ERROR (HTTP 503, code 2): the service is temporarily down.</summary>
    MaintenanceError,

    /// <summary>TOO_MANY_REQUESTS (HTTP 429, code 60): wait at least 5 seconds before trying again.</summary>
    TooManyRequests,
}
