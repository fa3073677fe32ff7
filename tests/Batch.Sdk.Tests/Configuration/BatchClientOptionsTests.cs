using System;
using System.Linq;
using System.Reflection;

namespace Batch.Sdk.Tests.Configuration;

public sealed class BatchClientOptionsTests
{
    [Fact]
    public void ForApp_keeps_every_setting_but_the_app_key_including_settings_added_later()
    {
        var options = NonDefault<BatchClientOptions>();

        var copy = options.WithAppApiKey("OTHER_APP");

        foreach (var property in Settable(typeof(BatchClientOptions)))
        {
            var expected = property.Name == nameof(BatchClientOptions.AppApiKey) ? "OTHER_APP" : property.GetValue(options);
            if (property.PropertyType == typeof(BatchRetryOptions))
                AssertSameSettings((BatchRetryOptions)property.GetValue(copy)!, (BatchRetryOptions)expected!);
            else
                property.GetValue(copy).ShouldBe(expected, property.Name);
        }
    }

    [Fact]
    public void A_client_copies_its_options_so_later_changes_do_not_reach_it()
    {
        var options = new BatchClientOptions { RestApiKey = "rest", AppApiKey = "APP", BaseAddress = new Uri("http://127.0.0.1:9/") };
        using var batch = new BatchClient(options);

        options.RestApiKey = "changed\r\nX-Injected: 1";
        options.Retry.MaxRetries = -5;

        Should.NotThrow(() => batch.ForApp("OTHER_APP"));
    }

    private static void AssertSameSettings(BatchRetryOptions actual, BatchRetryOptions expected)
    {
        actual.ShouldNotBeSameAs(expected);
        foreach (var property in Settable(typeof(BatchRetryOptions)))
            property.GetValue(actual).ShouldBe(property.GetValue(expected), property.Name);
    }

    private static PropertyInfo[] Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();

    /// <summary>An instance whose every settable property differs from its default.</summary>
    private static T NonDefault<T>() where T : new()
    {
        var value = new T();
        foreach (var property in Settable(typeof(T)))
        {
            object setting = property.PropertyType switch
            {
                var t when t == typeof(string) => "value_" + property.Name,
                var t when t == typeof(Uri) => new Uri("https://proxy.example/" + property.Name + "/"),
                var t when t == typeof(int) => 4321,
                var t when t == typeof(bool) => !(bool)property.GetValue(value)!,
                var t when t == typeof(TimeSpan) => TimeSpan.FromSeconds(17) + TimeSpan.FromMilliseconds(property.Name.Length),
                var t when t == typeof(BatchRetryOptions) => NonDefault<BatchRetryOptions>(),
                var t => throw new InvalidOperationException($"Add a non-default value for {t} ({property.Name}) to this test."),
            };
            property.SetValue(value, setting);
        }

        return value;
    }
}
