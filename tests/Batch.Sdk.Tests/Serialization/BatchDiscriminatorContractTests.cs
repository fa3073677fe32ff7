using System.Linq;
using Batch.Sdk.Serialization;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Tests.Serialization;

public class BatchDiscriminatorContractTests
{
    [Fact]
    public void A_message_read_from_Batch_is_written_back_with_a_single_leading_channel_type()
    {
        const string json = """{"name":"n","state":"RUNNING","when":{},"messages":[{"channel_type":"email","subject":"s"},{"channel_type":"push","title":"t"}]}""";

        var campaign = BatchJson.Deserialize<Campaign>(json)!;
        var written = JObject.Parse(BatchJson.Serialize(campaign));

        campaign.Messages.Select(message => message.AdditionalProperties.ContainsKey("channel_type")).ShouldAllBe(found => !found);
        var messages = written["messages"]!.Cast<JObject>().ToList();
        messages.Select(message => message.Properties().First().Name).ShouldAllBe(name => name == "channel_type");
        messages.Select(message => message.Properties().Count(property => property.Name == "channel_type")).ShouldAllBe(count => count == 1);
        messages.Select(message => message.Value<string>("channel_type")).ShouldBe(["email", "push"]);
    }

    [Fact]
    public void An_email_message_read_on_its_own_type_keeps_its_fields()
    {
        var message = BatchJson.Deserialize<EmailMessage>("""{"channel_type":"email","subject":"s"}""")!;

        message.Subject.ShouldBe("s");
        BatchJson.Serialize(message).ShouldBe("""{"channel_type":"email","subject":"s"}""");
    }

    [Fact]
    public void A_message_of_a_channel_added_later_is_read_as_the_base_type_and_written_back_as_it_came()
    {
        const string Json = """{"channel_type":"sms","text":"hello"}""";

        var message = BatchJson.Deserialize<CampaignMessage>(Json)!;

        message.GetType().ShouldBe(typeof(CampaignMessage));
        message.AdditionalProperties["channel_type"].ShouldBe("sms");
        BatchJson.Serialize(message).ShouldBe(Json);
    }

    [Fact]
    public void The_union_converter_is_not_public_API()
    {
        typeof(CampaignMessage).Assembly.GetExportedTypes()
            .Where(type => typeof(Newtonsoft.Json.JsonConverter).IsAssignableFrom(type))
            .ShouldBeEmpty();
    }
}
