using System;
using System.Collections.Generic;
using Batch.Sdk.Security;
using Batch.Sdk.Testing.Spec;

namespace Batch.Sdk.Testing.Handling;

/// <summary>
/// Checks credentials as Batch documents them: 1.x wants the REST key in <c>X-Authorization</c> and a known app
/// key as the path segment after the version; 2.x wants <c>Authorization: Bearer &lt;REST key&gt;</c> and the
/// project key in <c>X-Batch-Project</c>.
/// </summary>
internal sealed class FakeAuthenticator
{
    private readonly string _restApiKey;
    private readonly string _projectKey;
    private readonly HashSet<string> _appApiKeys;

    public FakeAuthenticator(BatchFakeServerOptions keys)
    {
        _restApiKey = keys.RestApiKey;
        _projectKey = keys.ProjectKey;
        _appApiKeys = new HashSet<string>(new[] { keys.IosAppApiKey, keys.AndroidAppApiKey }, StringComparer.Ordinal);
    }

    public bool IsAuthorized(IncomingRequest request, ApiFamily family) => family == ApiFamily.App
        ? Header(request, "X-Authorization") == _restApiKey && BatchRedactor.AppKeyOfPath(request.Path) is { } app && _appApiKeys.Contains(app)
        : Header(request, "Authorization") == "Bearer " + _restApiKey && Header(request, "X-Batch-Project") == _projectKey;

    private static string? Header(IncomingRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : null;
}
