using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Testing.Spec;

namespace Batch.Sdk.Testing.Handling;

/// <summary>
/// The fake's request pipeline: injected faults, authentication, routing against the spec, validation against the
/// operation's schemas, then the operation itself. Every request is recorded with its outcome.
/// </summary>
internal sealed class FakeHandler
{
    /// <summary>The rate limits to enforce, when the fake was started with quotas (<see cref="FakeQuotas"/>).</summary>
    public FakeQuotas? Quotas { get; set; }

    private readonly BatchSpec _spec;
    private readonly FakeAuthenticator _authenticator;
    private readonly BatchFakeFaults _faults;
    private readonly FakeOperations _operations;
    private readonly FakeErrors _errors;
    private readonly FakeRequestLog _requests;

    public FakeHandler(BatchSpec spec, FakeAuthenticator authenticator, BatchFakeFaults faults, FakeOperations operations, FakeRequestLog requests)
    {
        _spec = spec;
        _authenticator = authenticator;
        _faults = faults;
        _operations = operations;
        _requests = requests;
        _errors = new FakeErrors(spec.Errors);
    }

    /// <param name="request">The request.</param>
    /// <param name="stopping">Cancelled when the fake stops, so that an injected latency does not hold up its shutdown.</param>
    public async Task<FakeResponse> HandleAsync(IncomingRequest request, CancellationToken stopping)
    {
        var route = _spec.Route(request.Method, request.Path);
        var response = await RespondAsync(request, route, stopping).ConfigureAwait(false);
        _requests.Add(new BatchFakeRequest(
            route?.Operation.Id, request.Method, request.Path, request.Query, request.Headers, request.Body,
            response.IsDropped ? null : response.Status));
        return response;
    }

    private async Task<FakeResponse> RespondAsync(IncomingRequest request, SpecRoute? route, CancellationToken stopping)
    {
        var family = route?.Operation.Family ?? ApiFamilies.Of(request.Path);
        var fault = _faults.Next();
        if (fault.Latency > System.TimeSpan.Zero)
            await Task.Delay(fault.Latency, stopping).ConfigureAwait(false);
        switch (fault.Kind)
        {
            case BatchFakeFaults.FaultKind.Drop:
                return FakeResponse.Dropped;
            case BatchFakeFaults.FaultKind.RateLimit:
                var seconds = (long)System.Math.Ceiling(fault.RetryAfter.TotalSeconds);
                return _errors.Error(family, FakeErrors.TooManyRequests, headers: new Dictionary<string, string>
                {
                    ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture),
                });
            case BatchFakeFaults.FaultKind.Maintenance:
                return _errors.Error(family, FakeErrors.MaintenanceError);
        }

        // Rate limits are counted as requests arrive, before the (slower, uneven) validation.
        if (route is not null && Quotas?.Refuse(family, route.Operation.Id, request) is { } limited)
            return limited;

        // Credentials first, as a real server would: an unauthenticated caller learns nothing about routes.
        if (!_authenticator.IsAuthorized(request, family))
            return _errors.Error(family, FakeErrors.AuthenticationInvalid);
        if (route is null)
            return _errors.Error(family, FakeErrors.RouteNotFound);
        var violation = SpecRequestValidator.Validate(route.Operation, route.PathValues, request.Query, ContentType(request), request.Body, out var json);
        if (violation is not null)
            return _errors.Violation(family, violation);
        return _operations.Handle(new OperationCall(route.Operation, route.PathValues, request.Query, json));
    }

    private static string? ContentType(IncomingRequest request) =>
        request.Headers.TryGetValue("Content-Type", out var value) ? value : null;
}
