using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Batch.Sdk.Tests.Generation;

/// <summary>
/// The Liquid templates of build/nswag/templates against the ones the restored NSwag.MSBuild package ships: a fork
/// must equal its upstream template outside its marked BatchGenerated regions, and an extension point must still be
/// empty upstream. An NSwag upgrade that changes a template we copied, or an unmarked edit of a fork, fails here with
/// the template to re-copy.
/// </summary>
public sealed class TemplateDriftTests
{
    public static TheoryData<string> Templates => new(TemplateFork.TemplateNames());

    [Theory]
    [MemberData(nameof(Templates))]
    public void Each_template_matches_its_upstream_template_outside_its_marked_changes(string template)
    {
        TemplateFork.Check(template).ShouldBeNull();
    }

    [Fact]
    public void An_unmarked_edit_of_a_fork_names_the_template_and_the_line()
    {
        var fork = TemplateFork.ReadFork("Class.liquid");
        var edited = fork.Replace("[System.ComponentModel.DataAnnotations.Required", "[System.ComponentModel.DataAnnotations.Required /* edited */", StringComparison.Ordinal);

        var problem = TemplateFork.Compare("Class.liquid", edited, TemplateFork.ReadUpstream("Class.liquid"));

        problem.ShouldNotBeNull();
        problem.ShouldContain("Class.liquid has drifted from NJsonSchema.CodeGeneration.CSharp");
        problem.ShouldContain("/* edited */");
    }

    [Fact]
    public void An_upstream_change_inside_a_replaced_region_is_caught_by_the_markers_hash()
    {
        var upstream = TemplateFork.ReadUpstream("Class.liquid").Replace(
            "ItemConverterType = typeof(Newtonsoft.Json.Converters.StringEnumConverter)", "ItemConverterType = typeof(Newtonsoft.Json.Converters.NewConverter)", StringComparison.Ordinal);

        var problem = TemplateFork.Compare("Class.liquid", TemplateFork.ReadFork("Class.liquid"), upstream);

        problem.ShouldNotBeNull();
        problem.ShouldContain("NewConverter");
        problem.ShouldContain("changed upstream");
    }

    [Fact]
    public void An_upstream_line_added_outside_the_regions_is_caught()
    {
        var upstream = TemplateFork.ReadUpstream("Enum.liquid").Replace("{%- endfor %}", "{%- endfor %}\n// new upstream line", StringComparison.Ordinal);

        TemplateFork.Compare("Enum.liquid", TemplateFork.ReadFork("Enum.liquid"), upstream).ShouldNotBeNull().ShouldContain("// new upstream line");
    }
}

/// <summary>
/// Reads a template's provenance header (<c>Upstream: ASSEMBLY VERSION TEMPLATE, shipped in NSwag.MSBuild VERSION
/// (fork)</c> or <c>(extension point ...)</c>) and its <c>BatchGenerated: begin, replaces N upstream lines (HASH)</c> /
/// <c>BatchGenerated: end</c> regions, and compares the rest with the template embedded in the package's assembly.
/// </summary>
internal static partial class TemplateFork
{
    /// <summary>The NSwag runtime nswag.json selects (<c>"runtime": "Net100"</c>): its tools folder holds the generator that runs.</summary>
    private const string ToolsFolder = "tools/Net100";

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder that holds BatchGenerated.sln.</summary>
    public static string RepositoryRoot => Root.Value;
    private static readonly Lazy<(string Directory, string Version)> NSwagPackage = new(FindNSwagPackage);

    public static IEnumerable<string> TemplateNames() =>
        Directory.GetFiles(TemplateDirectory, "*.liquid").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal);

    public static string ReadFork(string template) => File.ReadAllText(Path.Combine(TemplateDirectory, template));

    public static string ReadUpstream(string template) => ReadUpstream(Provenance.Of(template, ReadFork(template)));

    /// <summary>Null when the template matches upstream, else what differs and what to re-copy.</summary>
    public static string? Check(string template)
    {
        var fork = ReadFork(template);
        var provenance = Provenance.Of(template, fork);
        var (_, nswagVersion) = NSwagPackage.Value;
        if (provenance.NSwagVersion != nswagVersion)
            return $"{template} was copied from NSwag.MSBuild {provenance.NSwagVersion}, but {nswagVersion} is restored: {provenance.RecopyAdvice}";
        var assemblyVersion = ShippedVersion(provenance.Assembly);
        if (provenance.AssemblyVersion != assemblyVersion)
            return $"{template} was copied from {provenance.Assembly} {provenance.AssemblyVersion}, but NSwag.MSBuild {nswagVersion} ships {assemblyVersion}: {provenance.RecopyAdvice}";
        var upstream = ReadUpstream(provenance);
        if (provenance.IsExtensionPoint)
        {
            return Normalize(upstream).Length == 0
                ? null
                : $"{template} overrides {provenance}, an extension point that is no longer empty upstream: merge its new content into the override.\n{upstream}";
        }

        return Compare(template, fork, upstream);
    }

    /// <summary>Walks the fork and upstream line by line; a marked region stands for the upstream lines it names.</summary>
    public static string? Compare(string template, string fork, string upstream)
    {
        var provenance = Provenance.Of(template, fork);
        var forkLines = Lines(fork);
        var upstreamLines = Lines(upstream);
        var f = HeaderEnd(forkLines);
        var u = 0;
        while (f < forkLines.Length)
        {
            var begin = BeginMarker().Match(forkLines[f]);
            if (begin.Success)
            {
                var count = int.Parse(begin.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var replaced = upstreamLines.Skip(u).Take(count).ToArray();
                var hash = count == 0 ? string.Empty : Hash(replaced);
                if (replaced.Length < count || begin.Groups["hash"].Value != hash)
                {
                    return $"{template}: the {count} upstream line(s) that the BatchGenerated region at fork line {f + 1} replaces changed upstream in {provenance} " +
                        $"(hash {hash}, the marker says {begin.Groups["hash"].Value}); they now read:\n{string.Join("\n", replaced)}\n{provenance.RecopyAdvice}";
                }

                var end = Array.FindIndex(forkLines, f + 1, line => line.Contains("BatchGenerated: end", StringComparison.Ordinal));
                if (end < 0)
                    return $"{template}: the BatchGenerated region at fork line {f + 1} has no \"BatchGenerated: end\" marker.";
                f = end + 1;
                u += count;
                continue;
            }

            if (u >= upstreamLines.Length || forkLines[f] != upstreamLines[u])
            {
                var upstreamLine = u < upstreamLines.Length ? upstreamLines[u] : "(end of template)";
                return $"{template} has drifted from {provenance}: fork line {f + 1} is\n  {forkLines[f]}\nbut upstream line {u + 1} is\n  {upstreamLine}\n{provenance.RecopyAdvice}";
            }

            f++;
            u++;
        }

        return u == upstreamLines.Length
            ? null
            : $"{template} has drifted from {provenance}: upstream goes on at line {u + 1} with\n  {upstreamLines[u]}\nwhere the fork ends.\n{provenance.RecopyAdvice}";
    }

    private static string TemplateDirectory => Path.Combine(Root.Value, "build", "nswag", "templates");

    private static string ReadUpstream(Provenance provenance)
    {
        var assemblyPath = Path.Combine(NSwagPackage.Value.Directory, ToolsFolder, provenance.Assembly + ".dll");
        if (!File.Exists(assemblyPath))
            throw new InvalidOperationException($"{assemblyPath} is missing: NSwag.MSBuild {NSwagPackage.Value.Version} no longer ships {provenance.Assembly} there.");
        var resource = $"{provenance.Assembly}.Templates.{provenance.Template}";
        return EmbeddedText(assemblyPath, resource)
            ?? throw new InvalidOperationException($"{provenance.Assembly} in NSwag.MSBuild {NSwagPackage.Value.Version} no longer has the template {resource}: {provenance.RecopyAdvice}");
    }

    /// <summary>A manifest resource read from the file's metadata, without loading the assembly.</summary>
    private static string? EmbeddedText(string assemblyPath, string resourceName)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != resourceName)
                continue;
            var reader = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress).GetReader();
            reader.Offset = checked((int)resource.Offset);
            var length = reader.ReadInt32();
            return Encoding.UTF8.GetString(reader.ReadBytes(length));
        }

        return null;
    }

    /// <summary>The version of an assembly's package as the NSwag tool's deps.json lists it (<c>"NJsonSchema.CodeGeneration.CSharp/11.6.1"</c>).</summary>
    private static string ShippedVersion(string assembly)
    {
        var deps = Path.Combine(NSwagPackage.Value.Directory, ToolsFolder, "dotnet-nswag.deps.json");
        using var document = JsonDocument.Parse(File.ReadAllText(deps));
        return document.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(library => library.Name.Split('/'))
            .Where(parts => parts[0] == assembly)
            .Select(parts => parts[1])
            .SingleOrDefault()
            ?? throw new InvalidOperationException($"{deps} lists no {assembly}.");
    }

    /// <summary>NSwag.MSBuild as restored for src/Batch.Sdk (the package that generates the clients), from its project.assets.json.</summary>
    private static (string Directory, string Version) FindNSwagPackage()
    {
        var assets = Path.Combine(Root.Value, "src", "Batch.Sdk", "obj", "project.assets.json");
        if (!File.Exists(assets))
            throw new InvalidOperationException($"{assets} is missing: restore src/Batch.Sdk (dotnet restore) before running the template drift tests.");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));
        var library = document.RootElement.GetProperty("libraries").EnumerateObject()
            .SingleOrDefault(entry => entry.Name.StartsWith("NSwag.MSBuild/", StringComparison.OrdinalIgnoreCase));
        if (library.Value.ValueKind == JsonValueKind.Undefined)
            throw new InvalidOperationException($"{assets} has no NSwag.MSBuild package: src/Batch.Sdk no longer generates with NSwag.MSBuild?");
        var relative = library.Value.GetProperty("path").GetString()!;
        foreach (var folder in document.RootElement.GetProperty("packageFolders").EnumerateObject())
        {
            var directory = Path.Combine(folder.Name, relative);
            if (Directory.Exists(directory))
                return (directory, library.Name.Split('/')[1]);
        }

        throw new InvalidOperationException($"NSwag.MSBuild ({relative}) is not in any NuGet package folder that {assets} names: run dotnet restore.");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BatchGenerated.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No BatchGenerated.sln above {AppContext.BaseDirectory}: the template drift tests run from the repository's build output.");
    }

    /// <summary>Without a byte order mark, with LF line ends and no final newline (whether a template ends with one is not compared).</summary>
    private static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    private static string[] Lines(string text) => Normalize(text).Split('\n');

    /// <summary>The index of the first line after the provenance comment that opens every template.</summary>
    private static int HeaderEnd(string[] lines) => Array.FindIndex(lines, line => line.StartsWith("{% endcomment", StringComparison.Ordinal)) + 1;

    /// <summary>The first 8 hex digits of the SHA-256 of the lines joined with LF, as the begin markers carry them.</summary>
    private static string Hash(IEnumerable<string> lines) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))))[..8].ToLowerInvariant(); // ToHexStringLower is .NET 9+; these tests also run on .NET 8

    [GeneratedRegex(@"^\{%- comment %\} BatchGenerated: begin, replaces (?<count>\d+) upstream lines?(?: \((?<hash>[0-9a-f]{8})\))?:")]
    private static partial Regex BeginMarker();

    [GeneratedRegex(@"Upstream: (?<assembly>\S+) (?<version>\S+) (?<template>\S+\.liquid), shipped in NSwag\.MSBuild (?<nswag>\S+) \((?<kind>fork|extension point)")]
    private static partial Regex ProvenanceLine();

    private sealed record Provenance(string File, string Assembly, string AssemblyVersion, string Template, string NSwagVersion, bool IsExtensionPoint)
    {
        public string RecopyAdvice => IsExtensionPoint
            ? $"check that {Template} is still an empty extension point upstream, then update the Upstream: line of build/nswag/templates/{File}."
            : $"If NSwag was upgraded, re-copy {Template} from {Assembly}.dll in the NSwag.MSBuild package ({ToolsFolder}) into build/nswag/templates/{File}, " +
              "re-apply each BatchGenerated: begin/end region and update the Upstream: line and the markers' hashes; if the fork was edited, put the edit inside a BatchGenerated: begin/end region.";

        public static Provenance Of(string file, string text)
        {
            var match = ProvenanceLine().Match(text);
            if (!match.Success)
                throw new InvalidOperationException($"build/nswag/templates/{file} has no provenance line (\"Upstream: ASSEMBLY VERSION TEMPLATE.liquid, shipped in NSwag.MSBuild VERSION (fork)\") in its header comment.");
            return new Provenance(file, match.Groups["assembly"].Value, match.Groups["version"].Value, match.Groups["template"].Value,
                match.Groups["nswag"].Value, match.Groups["kind"].Value == "extension point");
        }

        public override string ToString() => $"{Assembly} {AssemblyVersion} {Template} (NSwag.MSBuild {NSwagVersion})";
    }
}
