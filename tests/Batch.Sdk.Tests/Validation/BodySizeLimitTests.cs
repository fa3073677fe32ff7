using System;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.Validation;
using WireMock.RequestBuilders;

namespace Batch.Sdk.Tests.Validation;

public sealed class BodySizeLimitTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Profiles_update_with_more_than_200_profiles_fails_before_sending()
    {
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<BatchValidationException>(() => batch.Profiles.UpdateAsync(Profiles(201)));

        error.Message.ShouldContain("201 items");
        error.Message.ShouldContain("at most 200");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Profiles_update_with_exactly_200_profiles_is_sent()
    {
        _server.Server.Given(Request.Create().UsingPost())
            .RespondWith(LoopbackServer.Json(202, "{}"));
        using var batch = _server.CreateClient();

        await batch.Profiles.UpdateAsync(Profiles(200));

        _server.Requests.Length.ShouldBe(1);
    }

    [Fact]
    public async Task Profiles_mass_update_accepts_up_to_10000_and_rejects_more()
    {
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<BatchValidationException>(() => batch.Profiles.MassUpdateAsync(Profiles(10_001)));

        error.Message.ShouldContain("at most 10000");
        _server.Requests.ShouldBeEmpty();
    }

    private static ProfileUpdate[] Profiles(int count) =>
        Enumerable.Range(0, count).Select(i => new ProfileUpdate { Identifiers = new ProfileIdentifiers { CustomId = $"user-{i}" } }).ToArray();
}
