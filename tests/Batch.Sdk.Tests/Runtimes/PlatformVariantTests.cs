using System;
using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;

namespace Batch.Sdk.Tests.Runtimes;

/// <summary>
/// The platform runs of this project (BatchTestVariant, see the project file) are only worth something if they test
/// what they say: the SDK build they load and the runtime they run on are checked against what the project declared.
/// </summary>
public sealed class PlatformVariantTests
{
    [Fact]
    public void The_tests_load_the_SDK_build_this_run_was_declared_for()
    {
        var built = typeof(BatchClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;

        built.ShouldBe(Expected("BatchExpectedSdkFramework"));
    }

    [Fact]
    public void The_tests_run_on_the_runtime_this_run_was_declared_for()
    {
        Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(Expected("BatchExpectedRuntimeMajor"));
    }

    private static string? Expected(string key) =>
        typeof(PlatformVariantTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value;
}
