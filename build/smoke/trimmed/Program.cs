// Trimmed consumer smoke test: a trimmed, self-contained app calls the fake Batch server (another, untrimmed
// process: build/smoke/fake-host) through the packed Batch.Sdk. Trimming removes what nothing references statically,
// so this proves the SDK keeps what its reflection needs: request validation, Newtonsoft's view of the models (a
// request that lost its fields would be refused by the fake, a response that lost them would read as empty), union
// subtypes and typed errors. The fake host checks the requests' bodies on its side too. Exit code 0 means it works.
using Batch.Sdk;
using Batch.Sdk.Validation;

string Setting(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set.");
void Expect(bool condition, string what)
{
    if (!condition)
        throw new InvalidOperationException($"trimmed consumer: {what}");
}

using var batch = new BatchClient(new BatchClientOptions
{
    BaseAddress = new Uri(Setting("BATCH_FAKE_URL")),
    RestApiKey = Setting("BATCH_FAKE_REST_API_KEY"),
    ProjectKey = Setting("BATCH_FAKE_PROJECT_KEY"),
    AppApiKey = Setting("BATCH_FAKE_APP_API_KEY"),
});

// 1.1: a push campaign, created then read back from the fake's state.
var created = await batch.PushCampaigns.CreateAsync(new PushCampaignCreateRequest
{
    Name = "Trimmed smoke",
    Live = false,
    PushTime = "now",
    Labels = ["smoke"],
    Messages = [new PushMessageContent { Language = "en", Title = "Hello", Body = "From a trimmed app" }],
});
Expect(!string.IsNullOrEmpty(created.CampaignToken), "the create answered no campaign token");
var details = await batch.PushCampaigns.GetAsync(created.CampaignToken);
Expect(details.Name == "Trimmed smoke", $"the view read the name '{details.Name}'");
Expect(details.Messages is [{ Title: "Hello", Body: "From a trimmed app" }], "the view lost the message");

// 2.8: a union subtype, written with its discriminator.
var campaign = await batch.Campaigns.CreateAsync(new CampaignCreateRequest
{
    Name = "Trimmed email",
    State = CampaignState.Draft,
    When = new CampaignWhen { StartTime = "2030-01-01T09:00:00Z" },
    Messages = [new EmailMessage { Subject = "Hello", SenderIdentityId = "12", Html = "<p>From a trimmed app</p>" }],
});
Expect(!string.IsNullOrEmpty(campaign.Id), "the 2.8 create answered no campaign id");

// The SDK's checks still run before anything is sent.
try
{
    await batch.PushCampaigns.CreateAsync(new PushCampaignCreateRequest { Name = "no", Live = false, PushTime = "now", Messages = [] });
    Expect(false, "a two-character name was sent");
}
catch (BatchValidationException error)
{
    Expect(error.Message.Contains("PushCampaignCreateRequest.Name ('name')"), $"the validation error does not name the field: {error.Message}");
}

// A documented error becomes a typed exception.
try
{
    await batch.PushCampaigns.DeleteAsync("00000000000000000000000000000000");
    Expect(false, "deleting a missing campaign succeeded");
}
catch (BatchApiException error)
{
    Expect(error.StatusCode == 404 && error.Error != BatchError.Unknown, $"the error was read as {error.StatusCode} {error.Error}");
}

Console.WriteLine($"trimmed consumer: OK (Batch.Sdk {typeof(BatchClient).Assembly.GetName().Version}, campaign {created.CampaignToken})");
