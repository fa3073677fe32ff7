using System.Reflection;

namespace Batch.Sdk;

/// <summary>Facts about this build of the SDK.</summary>
internal static class BatchSdkInfo
{
    /// <summary>The package version, such as <c>1.0.0</c>.</summary>
    public static string Version { get; } =
        (typeof(BatchSdkInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
            .Split('+')[0];
}
