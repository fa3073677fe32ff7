using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Tests.Spec;

/// <summary>Requests the SDK would refuse to send, sent raw, get the documented Batch errors in the documented shapes.</summary>
public sealed class SpecRequestValidatorTests : IDisposable
{
    private readonly FakeScope _scope = new();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task A_missing_required_property_is_MISSING_PARAMETER_400_30_in_the_1x_shape()
    {
        var response = await _scope.SendAppAsync(HttpMethod.Post, "campaigns/create", """{"name":"Test Campaign","live":true}""");

        ((int)response.StatusCode).ShouldBe(400);
        JToken.DeepEquals(await FakeScope.ReadJsonAsync(response),
            JObject.Parse("""{"code":30,"type":"MISSING_PARAMETER","message":"Missing parameter: messages."}""")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_missing_nested_property_names_its_path()
    {
        var response = await _scope.SendAppAsync(HttpMethod.Post, "campaigns/create",
            """{"name":"Test Campaign","live":true,"messages":[{"language":"en"}]}""");

        var body = await FakeScope.ReadJsonAsync(response);
        body["type"]!.ToString().ShouldBe("MISSING_PARAMETER");
        body["message"]!.ToString().ShouldContain("messages[0].body");
    }

    [Theory]
    [InlineData("""{"name":"ab","live":true,"messages":[{"language":"en","body":"Hi"}]}""", "name")]
    [InlineData("""{"name":"Test Campaign","live":"yes","messages":[{"language":"en","body":"Hi"}]}""", "live")]
    [InlineData("""{"name":"Test Campaign","live":true,"time_to_live":-1,"messages":[{"language":"en","body":"Hi"}]}""", "time_to_live")]
    [InlineData("""{"name":"Test Campaign","live":true,"labels":["a","b","c","d"],"messages":[{"language":"en","body":"Hi"}]}""", "labels")]
    [InlineData("""{"name":"Test Campaign","live":true,"priority":"urgent","messages":[{"language":"en","body":"Hi"}]}""", "priority")]
    public async Task A_value_of_the_wrong_type_or_outside_a_constraint_is_MALFORMED_PARAMETER_400_31(string body, string parameter)
    {
        var response = await _scope.SendAppAsync(HttpMethod.Post, "campaigns/create", body);

        ((int)response.StatusCode).ShouldBe(400);
        var error = await FakeScope.ReadJsonAsync(response);
        error["code"]!.ToObject<int>().ShouldBe(31);
        error["type"]!.ToString().ShouldBe("MALFORMED_PARAMETER");
        error["message"]!.ToString().ShouldStartWith("Malformed parameter: " + parameter);
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("not json")]
    [InlineData("{} {}")]
    [InlineData("")]
    public async Task A_body_that_is_not_JSON_is_MALFORMED_JSON_BODY_400_32(string body)
    {
        var response = await _scope.SendAppAsync(HttpMethod.Post, "campaigns/create", body);

        ((int)response.StatusCode).ShouldBe(400);
        JToken.DeepEquals(await FakeScope.ReadJsonAsync(response),
            JObject.Parse("""{"code":32,"type":"MALFORMED_JSON_BODY","message":"The request body is not valid JSON."}""")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_2x_error_has_the_documented_error_code_and_error_message_shape()
    {
        var response = await _scope.SendProjectAsync(HttpMethod.Post, "2.8/campaigns/delete", "{}");

        ((int)response.StatusCode).ShouldBe(400);
        JToken.DeepEquals(await FakeScope.ReadJsonAsync(response),
            JObject.Parse("""{"error_code":"30","error_message":"Missing parameter: id."}""")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_2x_message_is_checked_against_the_subtype_its_channel_type_names()
    {
        var campaign = JObject.FromObject(new
        {
            name = "The campaign name",
            state = "RUNNING",
            when = new { start_time = "now" },
            messages = new object[] { new { channel_type = "email", subject = 42 } },
        });

        var wrongField = await _scope.SendProjectAsync(HttpMethod.Post, "2.8/campaigns/create", campaign.ToString());
        campaign["messages"]![0]!["channel_type"] = "carrier_pigeon";
        campaign["messages"]![0]!["subject"] = "Hello";
        var unknownChannel = await _scope.SendProjectAsync(HttpMethod.Post, "2.8/campaigns/create", campaign.ToString());
        campaign["messages"]![0]!["channel_type"] = "email";
        var valid = await _scope.SendProjectAsync(HttpMethod.Post, "2.8/campaigns/create", campaign.ToString());

        (await FakeScope.ReadJsonAsync(wrongField))["error_code"]!.ToString().ShouldBe("31");
        (await FakeScope.ReadJsonAsync(unknownChannel))["error_code"]!.ToString().ShouldBe("31");
        ((int)valid.StatusCode).ShouldBe(200);
    }

    [Theory]
    [InlineData("2.8/orchestrations/stats?from=2024-01-24&to=2024-01-25", "30", "Missing parameter: orchestration_id.")]
    [InlineData("2.8/orchestrations/stats?orchestration_id=o&from=yesterday&to=2024-01-25", "31", null)]
    [InlineData("2.8/orchestrations/list?limit=many", "31", "Malformed parameter: limit must be an integer.")]
    [InlineData("2.8/orchestrations/list?limit=101", "31", null)]
    public async Task Query_parameters_are_checked_against_their_schemas(string pathAndQuery, string code, string? message)
    {
        var response = await _scope.SendProjectAsync(HttpMethod.Get, pathAndQuery);

        ((int)response.StatusCode).ShouldBe(400);
        var error = await FakeScope.ReadJsonAsync(response);
        error["error_code"]!.ToString().ShouldBe(code);
        if (message is not null)
            error["error_message"]!.ToString().ShouldBe(message);
    }

    [Fact]
    public async Task Unknown_properties_are_accepted_because_the_spec_keeps_requests_open()
    {
        var response = await _scope.SendAppAsync(HttpMethod.Post, "campaigns/create",
            """{"name":"Test Campaign","live":true,"deeplink":"app://home","messages":[{"language":"en","body":"Hi"}]}""");

        ((int)response.StatusCode).ShouldBe(201);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_JSON_body_sent_with_another_content_type_is_MALFORMED_JSON_BODY(string contentType)
    {
        var request = _scope.AppRequest(HttpMethod.Post, "campaigns/create", """{"name":"Test Campaign","live":true,"messages":[{"language":"en","body":"Hi"}]}""");
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        var response = await _scope.Http.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(400);
        JToken.DeepEquals(await FakeScope.ReadJsonAsync(response), JObject.Parse(
            """{"code":32,"type":"MALFORMED_JSON_BODY","message":"The request body must be sent with Content-Type: application/json."}""")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_JSON_content_type_with_a_charset_is_accepted()
    {
        var request = _scope.AppRequest(HttpMethod.Post, "campaigns/create", """{"name":"Test Campaign","live":true,"messages":[{"language":"en","body":"Hi"}]}""");
        request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

        ((int)(await _scope.Http.SendAsync(request)).StatusCode).ShouldBe(201);
    }

    [Fact]
    public async Task An_array_over_maxItems_is_refused_on_its_count_before_its_items_are_checked()
    {
        // 201 updates, none valid (no identifiers): the count is reported, not the first item's missing property.
        var body = "[" + string.Join(",", Enumerable.Repeat("{}", 201)) + "]";

        var response = await _scope.SendProjectAsync(HttpMethod.Post, "2.8/profiles/update", body);

        ((int)response.StatusCode).ShouldBe(400);
        JToken.DeepEquals(await FakeScope.ReadJsonAsync(response),
            JObject.Parse("""{"error_code":"31","error_message":"Malformed parameter: body must have at most 200 items."}""")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_million_item_array_is_refused_on_its_count()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("{}", 1_000_000)) + "]";

        var response = await _scope.SendProjectAsync(HttpMethod.Post, "2.8/profiles/mass-update", body);

        (await FakeScope.ReadJsonAsync(response))["error_message"]!.ToString().ShouldBe("Malformed parameter: body must have at most 10000 items.");
    }

    [Fact]
    public async Task A_nested_array_over_maxItems_names_its_path()
    {
        var response = await _scope.SendAppAsync(HttpMethod.Post, "campaigns/create",
            """{"name":"Test Campaign","live":true,"labels":["a","b","c","d"],"messages":[{"language":"en"}]}""");

        (await FakeScope.ReadJsonAsync(response))["message"]!.ToString().ShouldBe("Malformed parameter: labels must have at most 3 items.");
    }
}
