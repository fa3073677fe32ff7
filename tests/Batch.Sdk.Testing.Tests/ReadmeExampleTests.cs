using System;
using System.Threading.Tasks;
using Batch.Sdk;
using Batch.Sdk.Testing;
using Xunit;

namespace MyApp.Tests;

// The code under test: your own service, written against IBatchClient.
public sealed class FlashSaleNotifier(IBatchClient batch)
{
    public async Task<string> AnnounceAsync(string product)
    {
        var created = await batch.PushCampaigns.CreateAsync(new PushCampaignCreateRequest
        {
            Name = $"Flash sale: {product}",
            Live = true,
            PushTime = "now",
            Messages = [new PushMessageContent { Language = "en", Title = "Flash sale", Body = $"{product} at half price today." }],
        });
        return created.CampaignToken;
    }
}

public sealed class FlashSaleNotifierTests
{
    [Fact]
    public async Task Announces_the_sale_as_a_live_push_campaign()
    {
        await using var fake = BatchFakeServer.Start();
        using var batch = new BatchClient(fake.Options);

        var token = await new FlashSaleNotifier(batch).AnnounceAsync("Trail shoes");

        var request = Assert.Single(fake.Requests);
        Assert.Equal("pushCampaigns_create", request.OperationId);
        var campaign = await batch.PushCampaigns.GetAsync(token);
        Assert.Equal("Flash sale: Trail shoes", campaign.Name);
        Assert.True(campaign.Live);
    }

    [Fact]
    public async Task Lets_the_caller_see_rate_limiting()
    {
        await using var fake = BatchFakeServer.Start();
        var options = fake.Options;
        options.Retry.Enabled = false; // see the 429 itself rather than the SDK's retries
        using var batch = new BatchClient(options);
        fake.Faults.RateLimitNext(1, TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<BatchApiException>(() => new FlashSaleNotifier(batch).AnnounceAsync("Trail shoes"));

        Assert.Equal(BatchError.TooManyRequests, error.Error);
        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
    }
}
