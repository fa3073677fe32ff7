// Compiled and run by generator-matrix.sh against Kiota's C# output: the documented 2.8 campaign update body (seed
// 001) is read through Kiota's models, so its message must come back as an EmailMessage chosen by `channel_type`,
// and written back with the email's fields.
using System;
using System.Threading.Tasks;
using BatchKiota.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

internal static class Usage
{
    private const string SeedUpdateBody = """
        {"id": "orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q",
         "campaign": {"name": "The campaign name", "state": "RUNNING", "send_rate": 100000,
          "when": {"local_time": false, "start_time": "2024-01-24T10:22:00Z"},
          "targeting": {"languages": ["fr"], "regions": ["FR"], "query": {"firstname": {"$eq": "Jane"}}},
          "messages": [{"channel_type": "email", "subject": "The campaign subject", "sender_identity_id": "4012",
                        "reply_to": {"email_address": "jane.doe@demobatch.com"}, "html": "The campaign HTML content"}]}}
        """;

    private static async Task<int> Main()
    {
        SerializationWriterFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories["application/json"] = new JsonSerializationWriterFactory();
        ParseNodeFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories["application/json"] = new JsonParseNodeFactory();

        var update = await KiotaJsonSerializer.DeserializeAsync(SeedUpdateBody, CampaignUpdateRequest.CreateFromDiscriminatorValue);
        if (update?.Campaign?.Messages?[0] is not EmailMessage { Subject: "The campaign subject", SenderIdentityId: "4012" } email)
            return Fail("the seed's message was not read as an EmailMessage with its subject and sender identity");

        var push = new PushMessage { ChannelType = CampaignMessage_channel_type.Push };
        var written = await KiotaJsonSerializer.SerializeAsStringAsync(new Campaign { Messages = [email, push] });
        foreach (var expected in new[] { "\"channel_type\":\"email\"", "\"subject\":\"The campaign subject\"", "\"channel_type\":\"push\"" })
        {
            if (!written.Contains(expected, StringComparison.Ordinal))
                return Fail($"{expected} is missing from {written}");
        }

        Console.WriteLine("kiota C#: the seed update body reads as an EmailMessage and writes back with its channel_type");
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("kiota C#: " + message);
        return 1;
    }
}
