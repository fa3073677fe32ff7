using System;
using Batch.Sdk.Serialization;

namespace Batch.Sdk.Tests.Serialization;

public sealed class BatchJsonNativeAotTests
{
    [Fact]
    public void Without_dynamic_code_the_SDK_refuses_before_writing_a_request_and_says_why()
    {
        var error = Should.Throw<PlatformNotSupportedException>(() => BatchJson.EnsureDynamicCode(supported: false));

        error.Message.ShouldContain("Native AOT");
        error.Message.ShouldContain("PublishTrimmed");
    }

    [Fact]
    public void With_dynamic_code_the_settings_are_configured()
    {
        BatchJson.EnsureDynamicCode(supported: true);

        BatchJson.Configure(new Newtonsoft.Json.JsonSerializerSettings()).ContractResolver.ShouldNotBeNull();
    }
}
