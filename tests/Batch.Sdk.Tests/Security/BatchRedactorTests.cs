using System;
using Batch.Sdk.Security;

namespace Batch.Sdk.Tests.Security;

public sealed class BatchRedactorTests
{
    [Theory]
    [InlineData("/1.1/KEY/campaigns/create", "KEY")]
    [InlineData("/1.0/KEY/custom-audience", "KEY")]
    [InlineData("/1.1/odd%25key%2Fx/campaigns/list", "odd%key/x")]
    [InlineData("/1.1/KEY/", "KEY")]
    [InlineData("/1.1/KEY", null)]
    [InlineData("/1.1//campaigns/list", null)]
    [InlineData("/2.8/campaigns/create", null)]
    [InlineData("/2.11/segments/list", null)]
    [InlineData("1.1/KEY/campaigns/create", null)]
    public void The_app_key_of_a_path_as_a_server_receives_it_is_the_one_the_client_sent(string path, string? key)
    {
        BatchRedactor.AppKeyOfPath(path).ShouldBe(key);
        if (path.StartsWith('/'))
            BatchRedactor.AppKeyOf(new Uri("https://api.batch.com" + path)).ShouldBe(key);
    }

    [Theory]
    [InlineData("/1.1/KEY/campaigns/create", "/1.1/***/campaigns/create")]
    [InlineData("/proxy/1.1/KEY/campaigns/list", "/proxy/1.1/***/campaigns/list")]
    [InlineData("/1.1//campaigns/list", "/1.1//campaigns/list")]
    [InlineData("/2.8/campaigns/create", "/2.8/campaigns/create")]
    public void The_app_key_segment_is_masked_after_the_1x_version_wherever_the_path_starts(string path, string masked)
    {
        BatchRedactor.MaskAppKeySegment(path).ShouldBe(masked);
    }
}
