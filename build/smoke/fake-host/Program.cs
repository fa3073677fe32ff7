// Hosts the fake Batch server (the packed Batch.Sdk.Testing) for a client in another process, such as the trimmed
// consumer (build/smoke/trimmed-smoke.sh). Protocol on the standard streams:
//   out: "ready URL REST_API_KEY PROJECT_KEY APP_API_KEY" once listening on 127.0.0.1;
//   in:  any line (or end of input) once the client is done; the host then checks what the fake received and exits
//        with 0 when the trimmed consumer's requests arrived with their fields, 1 otherwise.
using Batch.Sdk.Testing;

await using var fake = BatchFakeServer.Start();
Console.WriteLine($"ready {fake.Url} {fake.RestApiKey} {fake.ProjectKey} {fake.Options.AppApiKey}");
await Console.In.ReadLineAsync();

var problems = new List<string>();
var push = fake.Requests.Where(request => request.OperationId == "pushCampaigns_create" && request.StatusCode == 201).ToList();
if (push.Count != 1)
    problems.Add($"expected one accepted push create, saw {push.Count}: {string.Join("; ", fake.Requests)}");
else if ((string?)push[0].Json?["name"] != "Trimmed smoke" || (string?)push[0].Json?["messages"]?[0]?["title"] != "Hello"
         || (bool?)push[0].Json?["live"] != false || (string?)push[0].Json?["labels"]?[0] != "smoke")
    problems.Add($"the push create arrived without its fields: {push[0].Body}");

var email = fake.Requests.Where(request => request.OperationId == "campaigns_create" && request.StatusCode is >= 200 and < 300).ToList();
if (email.Count != 1)
    problems.Add($"expected one accepted 2.8 campaign create, saw {email.Count}");
else if ((string?)email[0].Json?["messages"]?[0]?["channel_type"] != "email" || (string?)email[0].Json?["messages"]?[0]?["subject"] != "Hello")
    problems.Add($"the 2.8 campaign arrived without its email message: {email[0].Body}");

// The SDK refuses the invalid create before sending it: the fake must never see it.
if (fake.Requests.Any(request => request.Json?["name"]?.ToString() == "no"))
    problems.Add("the invalid push create reached the server");

foreach (var problem in problems)
    Console.Error.WriteLine($"fake host: {problem}");
Console.WriteLine(problems.Count == 0 ? $"fake host: the {fake.Requests.Count} requests arrived with their fields" : "fake host: FAILED");
return problems.Count == 0 ? 0 : 1;
