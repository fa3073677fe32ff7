using System;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Batch.Sdk.Tests.Pipeline;

internal static class ResponseSequence
{
    /// <summary>Answers successive requests that match <paramref name="request"/> with <paramref name="responses"/> in order; the last one repeats.</summary>
    public static void Sequence(this WireMockServer server, Func<IRequestBuilder> request, params IResponseBuilder[] responses)
    {
        var scenario = Guid.NewGuid().ToString("N");
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = server.Given(request()).InScenario(scenario);
            if (i > 0)
                mapping = mapping.WhenStateIs($"answer {i}");
            if (i < responses.Length - 1)
                mapping = mapping.WillSetStateTo($"answer {i + 1}");
            mapping.RespondWith(responses[i]);
        }
    }
}
