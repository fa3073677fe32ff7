using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Batch.Sdk.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Batch.Sdk.Tests.Security;

/// <summary>
/// Keys are visible ASCII, checked before anything is sent: a key with a trailing newline, CR, LF, NUL, a space or a
/// non-ASCII character is refused with a message naming the setting and never the key, so it can neither inject
/// headers or a second request, nor fail inside the socket handler and be retried as an unknown outcome.
/// </summary>
public sealed class BatchKeysTests : IDisposable
{
    private const string Base = "k3y_Secret";

    private readonly FaultyServer _server = new(FaultyServer.Answer(201, """{"campaign_token":"t"}"""));

    public void Dispose() => _server.Dispose();

    private static readonly Dictionary<string, string> Keys = new()
    {
        ["trailing newline"] = Base + "\n",
        ["CRLF and a header"] = Base + "\r\nX-Injected: 1",
        ["smuggled request"] = Base + "\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n",
        ["bare CR"] = Base + "\rx",
        ["bare LF"] = Base + "\nx",
        ["NUL"] = Base + "\0",
        ["space"] = "k3y Secret",
        ["tab"] = Base + "\t",
        ["non-ASCII"] = Base + "é",
    };

    public static TheoryData<string, string> BadKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var setting in new[] { nameof(BatchClientOptions.RestApiKey), nameof(BatchClientOptions.ProjectKey), nameof(BatchClientOptions.AppApiKey) })
        {
            foreach (var kind in Keys.Keys)
                data.Add(setting, kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void A_malformed_key_is_refused_by_new_BatchClient_naming_the_setting_but_not_the_key(string setting, string kind)
    {
        var options = OptionsWith(setting, KeyOf(kind));

        var exception = Should.Throw<ArgumentException>(() => new BatchClient(options));

        exception.Message.ShouldContain($"BatchClientOptions.{setting} must contain only visible ASCII characters");
        exception.Message.ShouldNotContain(Base);
        _server.Requests.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void A_malformed_key_fails_AddBatch_at_start_up(string setting, string kind)
    {
        var services = new ServiceCollection();
        services.AddBatch(options => Set(options, setting, KeyOf(kind), _server.BaseAddress));
        using var provider = services.BuildServiceProvider();

        var exception = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<BatchClientOptions>>().Get(Options.DefaultName));

        exception.Message.ShouldContain($"BatchClientOptions.{setting}");
        exception.Message.ShouldNotContain(Base);
    }

    [Theory]
    [InlineData("trailing newline")]
    [InlineData("CRLF and a header")]
    [InlineData("non-ASCII")]
    [InlineData("space")]
    public async Task ForApp_refuses_a_malformed_app_key_before_sending(string kind)
    {
        using var batch = new BatchClient(LoopbackServer.OptionsFor(_server.BaseAddress));

        var exception = Should.Throw<ArgumentException>(() => batch.ForApp(KeyOf(kind)));

        exception.ParamName.ShouldBe("appApiKey");
        exception.Message.ShouldNotContain(Base);
        await Task.Delay(50);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_well_formed_key_goes_out_unchanged_as_one_header()
    {
        const string key = "Abc-123_~!.+/=";
        var options = LoopbackServer.OptionsFor(_server.BaseAddress);
        options.RestApiKey = key;
        using var batch = new BatchClient(options);

        await batch.PushCampaigns.CreateAsync(Samples.PushCampaign());

        var head = _server.Heads.Single();
        head.Split("\r\n").Count(line => line.StartsWith("X-Authorization:", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        head.ShouldContain("X-Authorization: " + key);
    }

    private static string KeyOf(string kind) => Keys[kind];

    private BatchClientOptions OptionsWith(string setting, string key)
    {
        var options = new BatchClientOptions();
        Set(options, setting, key, _server.BaseAddress);
        return options;
    }

    private static void Set(BatchClientOptions options, string setting, string key, Uri baseAddress)
    {
        options.RestApiKey = LoopbackServer.RestApiKey;
        options.ProjectKey = LoopbackServer.ProjectKey;
        options.AppApiKey = LoopbackServer.AppApiKey;
        options.BaseAddress = baseAddress;
        typeof(BatchClientOptions).GetProperty(setting)!.SetValue(options, key);
    }
}
