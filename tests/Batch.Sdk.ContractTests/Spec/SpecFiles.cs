using System;
using System.IO;

namespace Batch.Sdk.ContractTests.Spec;

/// <summary>The files the tests read, copied next to the test assembly by the project file.</summary>
internal static class SpecFiles
{
    public static string OpenApiYaml => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Spec", "openapi.yaml"));

    public static string SeedPagesJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Documentation", "seed-pages.json"));
}
