using System;
using System.Collections.Generic;
using System.Linq;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Batch.Sdk.ContractTests.Contract;

/// <summary>A WireMock server on 127.0.0.1 that answers every request with one canned response, and a client pointed at it.</summary>
internal sealed class ContractServer : IDisposable
{
    public const string RestApiKey = "contract_rest_key_4b2d";
    public const string ProjectKey = "project_contract_0664hxvwffvbpn";
    public const string AppApiKey = "APP_KEY_CONTRACT_93";

    private readonly WireMockServer _server;

    public ContractServer()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });
        // No retries: an error response must reach the caller as the one documented answer.
        Client = new BatchClient(new BatchClientOptions
        {
            RestApiKey = RestApiKey,
            ProjectKey = ProjectKey,
            AppApiKey = AppApiKey,
            BaseAddress = new Uri(_server.Url!),
            Retry = new BatchRetryOptions { Enabled = false },
        });
    }

    public BatchClient Client { get; }

    /// <summary>Forgets earlier requests and answers the next ones with <paramref name="status"/>, <paramref name="headers"/> and <paramref name="body"/>.</summary>
    public void Respond(int status, string? mediaType, string? body, IReadOnlyDictionary<string, string>? headers = null)
    {
        _server.Reset();
        var response = Response.Create().WithStatusCode(status);
        if (mediaType is not null)
            response = response.WithHeader("Content-Type", mediaType);
        foreach (var header in headers ?? new Dictionary<string, string>())
            response = response.WithHeader(header.Key, header.Value);
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(body is null ? response : response.WithBody(body));
    }

    /// <summary>The requests received since the last <see cref="Respond"/>.</summary>
    public IRequestMessage[] Requests => _server.LogEntries.Select(entry => entry.RequestMessage).OfType<IRequestMessage>().ToArray();

    public void Dispose()
    {
        Client.Dispose();
        _server.Stop();
    }
}
