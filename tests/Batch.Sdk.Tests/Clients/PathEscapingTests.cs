using System;
using System.Linq;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Batch.Sdk.Tests.Clients;

public sealed class PathEscapingTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public PathEscapingTests() =>
        _server.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200));

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("../x", "..%2Fx")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a b?c#d", "a%20b%3Fc%23d")]
    public async Task A_token_with_reserved_characters_stays_one_path_segment(string token, string sent)
    {
        using var batch = _server.CreateClient();

        await batch.PushCampaigns.DeleteAsync(token);

        _server.Requests.Single().RequestMessage!.RawPath().ShouldBe($"/1.1/{LoopbackServer.AppApiKey}/campaigns/delete/{sent}");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_blank_or_dot_segment_token_is_refused_before_sending(string token)
    {
        using var batch = _server.CreateClient();

        var error = await Should.ThrowAsync<ArgumentException>(() => batch.InAppCampaigns.DeleteAsync(token));

        error.ParamName.ShouldBe("campaignToken");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_null_token_is_refused_before_sending()
    {
        using var batch = _server.CreateClient();

        await Should.ThrowAsync<ArgumentNullException>(() => batch.PushCampaigns.GetAsync(null!));

        _server.Requests.ShouldBeEmpty();
    }
}
