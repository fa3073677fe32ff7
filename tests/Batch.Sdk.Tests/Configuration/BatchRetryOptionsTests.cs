using System;

namespace Batch.Sdk.Tests.Configuration;

public sealed class BatchRetryOptionsTests
{
    [Fact]
    public void The_defaults_follow_Batch_rules_and_are_the_documented_ones()
    {
        var options = new BatchRetryOptions();

        options.Enabled.ShouldBeTrue();
        options.MaxRetries.ShouldBe(3);
        options.RateLimitDelay.ShouldBe(TimeSpan.FromSeconds(5));
        options.BaseDelay.ShouldBe(TimeSpan.FromSeconds(1));
        options.MaxDelay.ShouldBe(TimeSpan.FromSeconds(30));
        options.MaxJitter.ShouldBe(TimeSpan.FromSeconds(1));
        options.AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.TotalTimeout.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Theory]
    [InlineData(nameof(BatchRetryOptions.MaxRetries), "MaxRetries must not be negative")]
    [InlineData(nameof(BatchRetryOptions.RateLimitDelay), "RateLimitDelay must be at least 5 seconds")]
    [InlineData(nameof(BatchRetryOptions.BaseDelay), "BaseDelay must not be negative")]
    [InlineData(nameof(BatchRetryOptions.MaxDelay), "MaxDelay must not be shorter than BaseDelay")]
    [InlineData(nameof(BatchRetryOptions.MaxJitter), "MaxJitter must not be negative")]
    [InlineData(nameof(BatchRetryOptions.AttemptTimeout), "AttemptTimeout must be more than 10 milliseconds")]
    [InlineData(nameof(BatchRetryOptions.TotalTimeout), "TotalTimeout must be more than 10 milliseconds")]
    public void An_invalid_setting_is_refused_with_a_message_naming_it(string setting, string message)
    {
        var options = new BatchClientOptions { RestApiKey = "rest", Retry = Invalid(setting) };

        var exception = Should.Throw<ArgumentException>(() => new BatchClient(options));

        exception.Message.ShouldContain("BatchClientOptions.Retry." + message);
    }

    [Fact]
    public void A_timeout_of_a_day_or_more_is_refused()
    {
        var options = new BatchClientOptions { RestApiKey = "rest", Retry = new BatchRetryOptions { TotalTimeout = TimeSpan.FromDays(1) } };

        Should.Throw<ArgumentException>(() => new BatchClient(options)).Message.ShouldContain("TotalTimeout must be more than 10 milliseconds and less than 24 hours");
    }

    private static BatchRetryOptions Invalid(string setting) => setting switch
    {
        nameof(BatchRetryOptions.MaxRetries) => new BatchRetryOptions { MaxRetries = -1 },
        nameof(BatchRetryOptions.RateLimitDelay) => new BatchRetryOptions { RateLimitDelay = TimeSpan.FromSeconds(4.9) },
        nameof(BatchRetryOptions.BaseDelay) => new BatchRetryOptions { BaseDelay = TimeSpan.FromSeconds(-1) },
        nameof(BatchRetryOptions.MaxDelay) => new BatchRetryOptions { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(5) },
        nameof(BatchRetryOptions.MaxJitter) => new BatchRetryOptions { MaxJitter = TimeSpan.FromSeconds(-1) },
        nameof(BatchRetryOptions.AttemptTimeout) => new BatchRetryOptions { AttemptTimeout = TimeSpan.Zero },
        _ => new BatchRetryOptions { TotalTimeout = TimeSpan.Zero },
    };
}
