using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Batch.Sdk.Testing.Handling;

/// <summary>Translates between WireMock's request and response messages and the fake's own.</summary>
internal static class WireMockBridge
{
    /// <summary>
    /// Marks a response whose connection must be dropped. WireMock's fault types still answer (an empty 200, or a
    /// garbled body), which the SDK would read as a response; a dropped connection needs the ASP.NET Core context.
    /// </summary>
    private const string DropHeader = "X-Batch-Fake-Drop";

    public static IncomingRequest ToIncoming(IRequestMessage message) => new(
        message.Method,
        new Uri(message.Url).AbsolutePath,
        First(message.Query, StringComparer.Ordinal),
        Joined(message.Headers),
        message.Body ?? (message.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : string.Empty));

    public static IResponseMessage ToMessage(FakeResponse response)
    {
        var message = new ResponseMessage { StatusCode = response.IsDropped ? 500 : response.Status };
        if (response.IsDropped)
            message.AddHeader(DropHeader, "true");
        foreach (var header in response.Headers)
            message.AddHeader(header.Key, header.Value);
        if (response.Body is not null)
        {
            message.AddHeader("Content-Type", "application/json");
            message.BodyData = new BodyData
            {
                BodyAsString = response.Body.ToString(Newtonsoft.Json.Formatting.None),
                DetectedBodyType = BodyType.String,
            };
        }

        return message;
    }

    /// <summary>Middleware (WireMock's <c>PreWireMockMiddlewareInit</c>) that aborts the connection of marked responses.</summary>
    public static void AbortMarkedResponses(object applicationBuilder) =>
        ((IApplicationBuilder)applicationBuilder).Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.Headers.ContainsKey(DropHeader))
                    context.Abort();
                return Task.CompletedTask;
            });
            await next(context).ConfigureAwait(false);
        });

    private static IReadOnlyDictionary<string, string> First(IDictionary<string, WireMockList<string>>? values, StringComparer comparer) =>
        (values ?? new Dictionary<string, WireMockList<string>>())
            .Where(entry => entry.Value.Count > 0)
            .ToDictionary(entry => entry.Key, entry => entry.Value[0], comparer);

    private static IReadOnlyDictionary<string, string> Joined(IDictionary<string, WireMockList<string>>? headers) =>
        (headers ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(entry => entry.Key, entry => string.Join(", ", entry.Value), StringComparer.OrdinalIgnoreCase);
}
