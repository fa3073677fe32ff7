// Consumer smoke test: the packed Batch.Sdk, restored from a local folder feed, creates a push campaign against a
// WireMock server on loopback and reads the typed error of a failing call. Exit code 0 means the package works.
using Batch.Sdk;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

using var server = WireMockServer.Start();
server.Given(Request.Create().WithPath("/1.1/APP_KEY/campaigns/create").UsingPost().WithHeader("X-Authorization", "REST_KEY"))
    .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
        .WithBody("""{"campaign_token":"e0a7e9ce4ae1e5f0d4bdbb1e4ab0e4b4"}"""));
server.Given(Request.Create().WithPath("/1.1/APP_KEY/campaigns/delete/missing").UsingPost())
    .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json")
        .WithBody("""{"code":20,"type":"ROUTE_NOT_FOUND","message":"Campaign not found"}"""));

using var batch = new BatchClient(new BatchClientOptions
{
    RestApiKey = "REST_KEY",
    AppApiKey = "APP_KEY",
    BaseAddress = new Uri(server.Url!),
});

var created = await batch.PushCampaigns.CreateAsync(new PushCampaignCreate
{
    Name = "Smoke test",
    Live = false,
    PushTime = "now",
    Messages = [new PushMessageContent { Language = "en", Title = "Hello", Body = "From the packed SDK" }],
});
if (created.CampaignToken != "e0a7e9ce4ae1e5f0d4bdbb1e4ab0e4b4")
    throw new InvalidOperationException($"Unexpected token: {created.CampaignToken}");

try
{
    await batch.PushCampaigns.DeleteAsync("missing");
    throw new InvalidOperationException("Expected a BatchApiException.");
}
catch (BatchApiException error) when (error.StatusCode == 404 && error.Error == BatchError.RouteNotFound && error.ErrorCode == 20)
{
}

Console.WriteLine($"consumer smoke test: OK (Batch.Sdk {typeof(BatchClient).Assembly.GetName().Version})");
