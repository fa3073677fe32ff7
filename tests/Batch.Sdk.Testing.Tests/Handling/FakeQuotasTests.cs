using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Batch.Sdk.Testing.Handling;
using Batch.Sdk.Testing.Spec;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.Testing.Tests.Handling;

public sealed class FakeQuotasTests
{
    private readonly FakeTimeProvider _time = new();

    private static string Profiles(int count) =>
        new JArray(Enumerable.Range(0, count).Select(i => new JObject { ["identifiers"] = new JObject { ["custom_id"] = $"user-{i}" } })).ToString();

    private FakeScope Start(BatchFakeQuotas? quotas = null)
    {
        quotas ??= new BatchFakeQuotas();
        quotas.TimeProvider = _time;
        return new FakeScope(new BatchFakeServerOptions { Quotas = quotas });
    }

    private static Task<HttpResponseMessage> UpdateProfiles(FakeScope scope, int count) =>
        scope.SendProjectAsync(HttpMethod.Post, "2.8/profiles/update", Profiles(count));

    [Fact]
    public async Task Profile_updates_within_the_burst_pass_and_the_next_one_is_refused_in_Batchs_shape_with_Retry_After()
    {
        using var scope = Start();

        for (var i = 0; i < 5; i++)
            (await UpdateProfiles(scope, 200)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await UpdateProfiles(scope, 1);

        refused.StatusCode.ShouldBe((HttpStatusCode)429);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        var body = JObject.Parse(await refused.Content.ReadAsStringAsync());
        body["error_code"]!.ToString().ShouldNotBeNullOrEmpty();
        body["error_message"]!.ToString().ShouldNotBeNullOrEmpty();
        var usage = scope.Fake.GetQuotaUsage(BatchFakeQuotaKind.ProfilesUpdate);
        usage.AcceptedPermits.ShouldBe(1_000);
        usage.RefusedRequests.ShouldBe(1);
    }

    [Fact]
    public async Task The_bucket_refills_at_the_documented_rate()
    {
        using var scope = Start();
        for (var i = 0; i < 5; i++)
            await UpdateProfiles(scope, 200);

        _time.Advance(TimeSpan.FromSeconds(0.5)); // 150 updates back: not enough for 200
        (await UpdateProfiles(scope, 200)).StatusCode.ShouldBe((HttpStatusCode)429);
        _time.Advance(TimeSpan.FromSeconds(0.5)); // 300 back
        (await UpdateProfiles(scope, 200)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refused_SDK_call_is_a_rate_limited_BatchApiException()
    {
        using var scope = Start(new BatchFakeQuotas { ProfilesMassUpdate = new BatchFakeQuota(10, 10) });
        var profiles = Enumerable.Range(0, 11).Select(i => new ProfileUpdate { Identifiers = new ProfileIdentifiers { CustomId = $"u{i}" } }).ToList();

        var error = await Should.ThrowAsync<BatchApiException>(() => scope.Batch.Profiles.MassUpdateAsync(profiles));

        error.IsRateLimited.ShouldBeTrue();
        error.Error.ShouldBe(BatchError.TooManyRequests);
        error.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task Every_catalog_endpoint_shares_the_five_requests_a_second()
    {
        using var scope = Start();

        for (var i = 0; i < 5; i++)
            await scope.Batch.Catalogs.EditItemsAsync(new CatalogItemsEditRequest { Name = "products", Items = [new CatalogItemEdit { Id = $"sku-{i}", Action = CatalogItemAction.Add }] });
        var refused = await Should.ThrowAsync<BatchApiException>(() => scope.Batch.Catalogs.GetAsync("products"));

        refused.IsRateLimited.ShouldBeTrue();
        scope.Fake.GetQuotaUsage(BatchFakeQuotaKind.CatalogRequests).AcceptedRequests.ShouldBe(5);
        scope.Fake.GetQuotaUsage(BatchFakeQuotaKind.CatalogItems).AcceptedPermits.ShouldBe(5);
    }

    [Fact]
    public async Task Without_quotas_the_fake_refuses_nothing()
    {
        using var scope = new FakeScope();

        for (var i = 0; i < 10; i++)
            (await UpdateProfiles(scope, 200)).StatusCode.ShouldBe(HttpStatusCode.OK);
        scope.Fake.GetQuotaUsage(BatchFakeQuotaKind.ProfilesUpdate).AcceptedRequests.ShouldBe(0);
    }

    [Fact]
    public void Each_project_has_its_own_buckets()
    {
        var quotas = new FakeQuotas(new BatchFakeQuotas { TimeProvider = _time }, new FakeErrors(BatchSpec.Embedded.Errors));
        static IncomingRequest Request(string project, string body) =>
            new("POST", "/2.8/profiles/update", new Dictionary<string, string>(), new Dictionary<string, string> { ["X-Batch-Project"] = project }, body);

        quotas.Refuse(ApiFamily.Project, "profiles_update", Request("a", Profiles(1_000))).ShouldBeNull();
        quotas.Refuse(ApiFamily.Project, "profiles_update", Request("a", Profiles(1)))!.Status.ShouldBe(429);
        quotas.Refuse(ApiFamily.Project, "profiles_update", Request("b", Profiles(1_000))).ShouldBeNull();
    }

    [Theory]
    [InlineData("[{\"a\":[1,2]},{\"b\":{}},3]", null, 3)]
    [InlineData("{\"name\":\"x\",\"items\":[{\"id\":\"1\"},{\"id\":\"2\"}]}", "items", 2)]
    [InlineData("{\"items\":[]}", "items", 0)]
    [InlineData("not json", null, 0)]
    [InlineData("{\"name\":\"x\"}", "items", 0)]
    public void Items_are_counted_without_reading_the_whole_document(string body, string? property, int count) =>
        FakeQuotas.CountItems(body, property).ShouldBe(count);

    [Fact]
    public void Quotas_without_a_rate_are_refused()
    {
        Should.Throw<ArgumentException>(() => BatchFakeServer.Start(new BatchFakeServerOptions { Quotas = new BatchFakeQuotas { ProfilesUpdate = new BatchFakeQuota(0, 10) } }));
    }
}
