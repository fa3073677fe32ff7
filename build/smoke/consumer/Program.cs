// Consumer smoke test: the packed Batch.Sdk and Batch.Sdk.Testing, restored from a local folder feed, the way a
// customer's test uses them: the fake Batch server on loopback, a push campaign created and read back, the request
// checked on the fake's side, and the typed error of a failing call. Exit code 0 means the packages work.
using Batch.Sdk;
using Batch.Sdk.Testing;

await using var fake = BatchFakeServer.Start();
using var batch = new BatchClient(fake.Options);

var created = await batch.PushCampaigns.CreateAsync(new PushCampaignCreateRequest
{
    Name = "Smoke test",
    Live = false,
    PushTime = "now",
    Messages = [new PushMessageContent { Language = "en", Title = "Hello", Body = "From the packed SDK" }],
});
var details = await batch.PushCampaigns.GetAsync(created.CampaignToken);
if (details.Name != "Smoke test")
    throw new InvalidOperationException($"Unexpected name read back: {details.Name}");

var request = fake.Requests.Single(request => request.OperationId == "pushCampaigns_create");
if (request.StatusCode != 201 || (string?)request.Json?["messages"]?[0]?["body"] != "From the packed SDK")
    throw new InvalidOperationException($"The fake saw an unexpected create: {request}");

try
{
    await batch.PushCampaigns.DeleteAsync("00000000000000000000000000000000");
    throw new InvalidOperationException("Expected a BatchApiException.");
}
catch (BatchApiException error) when (error.StatusCode == 404 && error.Error != BatchError.Unknown)
{
}

Console.WriteLine($"consumer smoke test: OK (Batch.Sdk {typeof(BatchClient).Assembly.GetName().Version}, Batch.Sdk.Testing {typeof(BatchFakeServer).Assembly.GetName().Version})");
