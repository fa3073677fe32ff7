using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Batch.Sdk.Testing.Handling;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Tests.Handling;

/// <summary>
/// Bodies the fake will not take (too large, broken framing) get MALFORMED_JSON_BODY in the family's error shape,
/// never WireMock's exception page with a stack trace. Raw sockets write the exact bytes.
/// </summary>
public sealed class FakeRequestGateTests : IDisposable
{
    private const int Limit = 1024;
    private readonly BatchFakeServer _fake = BatchFakeServer.Start(new BatchFakeServerOptions { MaxRequestBodyBytes = Limit });

    public void Dispose() => _fake.Dispose();

    private string TooLarge => $"The request body is larger than the fake's limit of {Limit} bytes.";

    [Fact]
    public async Task A_body_announced_larger_than_the_limit_is_refused_unread_with_MALFORMED_JSON_BODY_in_the_1x_shape()
    {
        // Only the head is sent: the answer must come from Content-Length alone.
        var response = await RawHttp.SendAsync(_fake.Url, AppHead("campaigns/create") + "Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n");

        response.Status.ShouldBe(400);
        response.Headers["Content-Type"].ShouldStartWith("application/json");
        JToken.DeepEquals(JObject.Parse(response.Body), new JObject { ["code"] = 32, ["type"] = "MALFORMED_JSON_BODY", ["message"] = TooLarge })
            .ShouldBeTrue(response.Body);
        var recorded = _fake.Requests.ShouldHaveSingleItem();
        recorded.OperationId.ShouldBe("pushCampaigns_create");
        recorded.StatusCode.ShouldBe(400);
        recorded.Body.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_chunked_body_that_grows_past_the_limit_is_refused_in_the_2x_shape()
    {
        var chunk = new string(' ', 600);
        var chunks = string.Concat(Enumerable.Repeat($"{chunk.Length:x}\r\n{chunk}\r\n", 2));

        // No last chunk: the fake must answer once the limit is passed, not wait for the end of the body.
        var response = await RawHttp.SendAsync(_fake.Url, ProjectHead("2.8/campaigns/create") +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);

        response.Status.ShouldBe(400);
        JToken.DeepEquals(JObject.Parse(response.Body), new JObject { ["error_code"] = "32", ["error_message"] = TooLarge })
            .ShouldBeTrue(response.Body);
    }

    [Fact]
    public async Task The_SDK_sees_a_body_over_the_limit_as_a_MALFORMED_JSON_BODY_BatchApiException()
    {
        var options = _fake.Options;
        options.Retry.Enabled = false;
        using var batch = new BatchClient(options);
        var campaign = Samples.PushCampaign();
        campaign.Messages.Single().Body = new string('x', 2 * Limit);

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.CreateAsync(campaign));

        exception.StatusCode.ShouldBe(400);
        exception.Error.ShouldBe(BatchError.MalformedJsonBody);
        exception.ServerMessage.ShouldBe(TooLarge);
    }

    [Fact]
    public async Task A_body_within_the_limit_is_served()
    {
        var options = _fake.Options;
        options.Retry.Enabled = false;
        using var batch = new BatchClient(options);

        (await batch.PushCampaigns.CreateAsync(Samples.PushCampaign())).CampaignToken.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("ZZ\r\n{}\r\n0\r\n\r\n")]             // a chunk size that is not hexadecimal
    [InlineData("2\r\n{}XX0\r\n\r\n")]                // chunk data not followed by CRLF
    [InlineData("100000000000000000\r\n{}\r\n")]      // a chunk size that overflows
    public async Task Broken_chunked_encoding_is_MALFORMED_JSON_BODY_in_the_1x_shape_without_a_stack_trace(string chunked)
    {
        var response = await RawHttp.SendAsync(_fake.Url, AppHead("campaigns/create") +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked);

        response.Status.ShouldBe(400, response.Raw);
        JToken.DeepEquals(JObject.Parse(response.Body), new JObject
        {
            ["code"] = 32, ["type"] = "MALFORMED_JSON_BODY", ["message"] = "The request body could not be read: its framing is invalid.",
        }).ShouldBeTrue(response.Body);
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n")]
    [InlineData("POST /1.1/KEY/campaigns/create HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n")]
    [InlineData("POST /1.1/KEY/campaigns/create HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nabcde")]
    public async Task A_request_that_is_not_HTTP_gets_a_bare_400_never_a_stack_trace_or_a_WireMock_page(string request)
    {
        // Kestrel refuses these before any code of the fake runs; without a path there is no family to answer for.
        var response = await RawHttp.SendAsync(_fake.Url, request);

        response.Status.ShouldBe(400);
        response.Body.ShouldBeEmpty();
        response.Raw.ShouldNotContain("WireMock", Case.Insensitive);
    }

    [Fact]
    public async Task A_gzip_body_is_not_inflated_past_the_limit()
    {
        // 500 KB of JSON whitespace compresses to about 500 bytes: inflated, it would pass the limit a thousand times over.
        var json = "{\"name\":\"Test Campaign\"" + new string(' ', 500_000) + "}";
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(json));
        compressed.Length.ShouldBeLessThan(Limit);
        using var http = new HttpClient { BaseAddress = _fake.Url };
        var request = new HttpRequestMessage(HttpMethod.Post, $"1.1/{_fake.IosAppApiKey}/campaigns/create") { Content = new ByteArrayContent(compressed.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.TryAddWithoutValidation("X-Authorization", _fake.RestApiKey);

        var response = await http.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(400);
        (await FakeScope.ReadJsonAsync(response))["type"]!.ToString().ShouldBe("MALFORMED_JSON_BODY");
    }

    [Theory]
    [InlineData("GET {0} HTTP/1.0\r\n")]
    [InlineData("GET {0} HTTP/1.1\r\nHost:\r\n")]
    [InlineData("GET {0} HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n")]
    public async Task A_request_without_a_usable_Host_is_served_rather_than_failing_in_WireMock(string head)
    {
        // WireMock builds a URL from Host; a missing, empty or out-of-range one made it throw its exception page.
        var response = await RawHttp.SendAsync(_fake.Url, string.Format(System.Globalization.CultureInfo.InvariantCulture, head,
            $"/1.1/{_fake.IosAppApiKey}/campaigns/list") + $"X-Authorization: {_fake.RestApiKey}\r\nConnection: close\r\n\r\n");

        response.Status.ShouldBe(200, response.Raw);
        response.Body.ShouldBe("[]");
    }

    [Fact]
    public async Task An_exception_that_escapes_WireMock_is_SERVER_ERROR_in_the_family_shape_without_a_stack_trace()
    {
        var spec = Batch.Sdk.Testing.Spec.BatchSpec.Embedded;
        var log = new FakeRequestLog(10);
        var gate = new FakeRequestGate(spec, new FakeErrors(spec.Errors), log, Limit);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/1.1/KEY/campaigns/list";
        context.Response.Body = new MemoryStream();

        await gate.InvokeAsync(context, _ => throw new InvalidOperationException("Broken on purpose."));

        context.Response.StatusCode.ShouldBe(500);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        JToken.DeepEquals(JObject.Parse(body), new JObject
        {
            ["code"] = 1, ["type"] = "SERVER_ERROR", ["message"] = "The fake failed on this request: Broken on purpose.",
        }).ShouldBeTrue(body);
        log.Snapshot().ShouldHaveSingleItem().StatusCode.ShouldBe(500);
    }

    private string AppHead(string pathAfterKey) =>
        $"POST /1.1/{_fake.IosAppApiKey}/{pathAfterKey} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Authorization: {_fake.RestApiKey}\r\n";

    private string ProjectHead(string path) =>
        $"POST /{path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer {_fake.RestApiKey}\r\nX-Batch-Project: {_fake.ProjectKey}\r\n";
}
