using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>
/// Redirects are never followed: a 3xx from a hostile or misconfigured server reaches the caller as a typed error with
/// its Location, and the second host (another port on loopback) never receives a request, a key or a body.
/// </summary>
public sealed class BatchRedirectsTests : IDisposable
{
    private readonly FaultyServer _elsewhere = new(FaultyServer.Answer(201, """{"campaign_token":"created_elsewhere"}"""));

    public void Dispose() => _elsewhere.Dispose();

    public static TheoryData<int, string> Redirects()
    {
        var data = new TheoryData<int, string>();
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            data.Add(status, "new BatchClient(options)");
            data.Add(status, "AddBatch");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Redirects))]
    public async Task A_redirected_create_is_a_BatchApiException_with_the_Location_and_nothing_reaches_the_other_host(int status, string construction)
    {
        var target = new Uri(_elsewhere.BaseAddress, "steal");
        using var batchServer = new FaultyServer(FaultyServer.Redirect(status, target));
        using var client = Client(construction, batchServer.BaseAddress);

        var exception = await Should.ThrowAsync<BatchApiException>(() => client.Batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        exception.StatusCode.ShouldBe(status);
        exception.Headers["Location"].ShouldBe([target.ToString()]);
        batchServer.Requests.Count.ShouldBe(1);
        _elsewhere.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirected_read_is_not_retried(int status)
    {
        using var batchServer = new FaultyServer(FaultyServer.Redirect(status, _elsewhere.BaseAddress));
        var options = LoopbackServer.OptionsFor(batchServer.BaseAddress, withRetries: true);
        using var batch = new BatchClient(options);

        (await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.ListAsync())).StatusCode.ShouldBe(status);

        batchServer.Requests.Count.ShouldBe(1);
        _elsewhere.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_caller_transport_that_follows_redirects_gets_them_turned_off()
    {
        using var batchServer = new FaultyServer(FaultyServer.Redirect(307, _elsewhere.BaseAddress));
        using var transport = new SocketsHttpHandler { AllowAutoRedirect = true };
        using var batch = new BatchClient(LoopbackServer.OptionsFor(batchServer.BaseAddress), transport);

        (await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()))).StatusCode.ShouldBe(307);

        transport.AllowAutoRedirect.ShouldBeFalse();
        _elsewhere.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_answer_from_a_redirect_that_a_custom_transport_followed_is_refused_not_reported_as_a_success()
    {
        using var batchServer = new FaultyServer(FaultyServer.Redirect(303, _elsewhere.BaseAddress));
        using var transport = new FollowingTransport(_elsewhere.BaseAddress);
        using var batch = new BatchClient(LoopbackServer.OptionsFor(batchServer.BaseAddress), transport);

        var exception = await Should.ThrowAsync<BatchApiException>(() => batch.PushCampaigns.CreateAsync(Samples.PushCampaign()));

        exception.Message.ShouldContain("followed a redirect");
    }

    private static ClientUnderTest Client(string construction, Uri baseAddress)
    {
        if (construction == "AddBatch")
        {
            var services = new ServiceCollection();
            services.AddBatch(options => Copy(LoopbackServer.OptionsFor(baseAddress, withRetries: true), options));
            var provider = services.BuildServiceProvider();
            return new ClientUnderTest(provider.GetRequiredService<IBatchClient>(), provider);
        }

        return new ClientUnderTest(new BatchClient(LoopbackServer.OptionsFor(baseAddress, withRetries: true)), null);
    }

    private static void Copy(BatchClientOptions from, BatchClientOptions to)
    {
        to.RestApiKey = from.RestApiKey;
        to.ProjectKey = from.ProjectKey;
        to.AppApiKey = from.AppApiKey;
        to.BaseAddress = from.BaseAddress;
    }

    private sealed record ClientUnderTest(IBatchClient Batch, ServiceProvider? Provider) : IDisposable
    {
        public void Dispose()
        {
            (Batch as IDisposable)?.Dispose();
            Provider?.Dispose();
        }
    }

    /// <summary>A transport of the caller's that follows redirects its own way: it rewrites the request to the new address.</summary>
    private sealed class FollowingTransport(Uri elsewhere) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                response.Dispose();
                request.RequestUri = elsewhere;
                request.Method = HttpMethod.Get;
                request.Content = null;
                response = await base.SendAsync(request, cancellationToken);
            }

            return response;
        }
    }
}
