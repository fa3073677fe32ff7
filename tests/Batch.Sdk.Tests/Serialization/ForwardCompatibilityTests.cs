using System;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.Serialization;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;

namespace Batch.Sdk.Tests.Serialization;

public sealed class ForwardCompatibilityTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Fields_Batch_adds_later_are_kept_in_AdditionalProperties()
    {
        Respond("""
            {"campaign_token":"70448bafec76439d534ec98ea7ab712c","from_api":true,"dev_only":false,"created_date":"2018-08-13T10:11:38",
             "name":"In-App campaign name","live":true,"trigger":{"when":"next_session","frequency":"daily"},
             "archived_at":"2019-01-01T00:00:00","owner":{"team":"growth"}}
            """);
        using var batch = _server.CreateClient();

        var campaign = await batch.InAppCampaigns.GetAsync("70448bafec76439d534ec98ea7ab712c");

        campaign.Name.ShouldBe("In-App campaign name");
        campaign.AdditionalProperties["archived_at"].ShouldBe("2019-01-01T00:00:00");
        ((JObject)campaign.AdditionalProperties["owner"])["team"]!.Value<string>().ShouldBe("growth");
        campaign.Trigger.AdditionalProperties["frequency"].ShouldBe("daily");
    }

    [Fact]
    public async Task An_enum_value_Batch_adds_later_becomes_Unknown_instead_of_failing_the_response()
    {
        Respond("""
            {"orchestrations":[{"id":"orchestration_1","type":"journey","channels":["push","whatsapp"],"platforms":["ios","visionos"]}],
             "count":1,"has_more":false}
            """);
        using var batch = _server.CreateClient();

        var page = await batch.Orchestrations.ListAsync();

        var orchestration = page.Orchestrations!.Single();
        orchestration.Type.ShouldBe(OrchestrationType.Unknown);
        orchestration.Channels.ShouldBe([Channel.Push, Channel.Unknown]);
        orchestration.Platforms.ShouldBe([Platform.Ios, Platform.Unknown]);
    }

    [Fact]
    public async Task Date_like_strings_reach_string_properties_unchanged()
    {
        Respond("""{"campaign_token":"t","from_api":true,"dev_only":false,"created_date":"2018-08-13T10:11:38","name":"Name","live":true,"push_time":"2017-07-05T13:32:30","messages":[]}""");
        using var batch = _server.CreateClient();

        var campaign = await batch.PushCampaigns.GetAsync("t");

        campaign.CreatedDate.ShouldBe("2018-08-13T10:11:38");
        campaign.PushTime.ShouldBe("2017-07-05T13:32:30");
    }

    [Fact]
    public async Task RFC_3339_date_times_are_read_and_written_back_in_the_same_form()
    {
        const string body = """{"exports":[{"id":"e","request_date":"2024-01-20T09:00:00Z","start_date":"2024-01-24T12:22:00+02:00"}]}""";
        Respond(body);
        using var batch = _server.CreateClient();

        var page = await batch.Exports.ListAsync();

        var export = page.Exports!.Single();
        export.RequestDate.ShouldBe(new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.Zero));
        export.StartDate.ShouldBe(new DateTimeOffset(2024, 1, 24, 12, 22, 0, TimeSpan.FromHours(2)));
        JToken.DeepEquals(JToken.Parse(BatchJson.Serialize(page)), JToken.Parse(body)).ShouldBeTrue();
    }

    [Fact]
    public void Email_messages_are_written_with_their_channel_type_and_read_back_as_EmailMessage()
    {
        var campaign = Samples.EmailCampaign();

        var json = BatchJson.Serialize(campaign);
        var read = BatchJson.Deserialize<Campaign>(json)!;

        JObject.Parse(json)["messages"]![0]!["channel_type"]!.Value<string>().ShouldBe("email");
        var message = read.Messages.Single().ShouldBeOfType<EmailMessage>();
        message.Subject.ShouldBe("The campaign subject");
        message.ReplyTo!.EmailAddress.ShouldBe("jane.doe@demobatch.com");
    }

    [Fact]
    public void Push_messages_are_written_with_their_channel_type_and_keep_their_open_fields()
    {
        var campaign = Samples.EmailCampaign();
        var push = new PushMessage();
        push.AdditionalProperties["title"] = "Hello";
        campaign.Messages = [push];

        var read = BatchJson.Deserialize<Campaign>(BatchJson.Serialize(campaign))!;

        var message = read.Messages.Single().ShouldBeOfType<PushMessage>();
        message.AdditionalProperties["title"].ShouldBe("Hello");
    }

    [Fact]
    public void Unset_optional_fields_are_not_sent()
    {
        var json = JObject.Parse(BatchJson.Serialize(Samples.PushCampaign()));

        json.Properties().Select(property => property.Name).ShouldBe(["name", "live", "push_time", "messages"], ignoreOrder: true);
    }

    private void Respond(string body) =>
        _server.Server.Given(Request.Create().UsingGet())
            .RespondWith(LoopbackServer.Json(200, body));
}
