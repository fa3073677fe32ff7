using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Batch.Sdk.Tests.Generation;

/// <summary>
/// The generated operations as build/nswag/templates/Client.Class.liquid shapes them: each has a branch for its
/// documented successes only, and every other answer goes through the one hand-written mapping
/// (BatchClientBase.CreateErrorAsync) instead of a generated branch per documented error.
/// </summary>
public sealed partial class GeneratedErrorPathTests
{
    private static readonly Lazy<string> Source = new(ReadGeneratedSource);

    [Fact]
    public void Every_operation_ends_in_the_one_error_mapping()
    {
        var operations = Operation().Matches(Source.Value).Count;

        operations.ShouldBeGreaterThan(40);
        Source.Value.Split("throw await CreateErrorAsync(response_, cancellationToken)").Length.ShouldBe(operations + 1);
    }

    [Fact]
    public void No_operation_has_a_branch_for_an_error_status()
    {
        var errorBranches = ErrorStatusBranch().Matches(Source.Value).Select(match => match.Value).ToArray();

        errorBranches.ShouldBeEmpty();
        Source.Value.ShouldNotContain("BatchApiException<");
    }

    /// <summary>The newest generated source of any build of src/Batch.Sdk (every build generates the same code).</summary>
    private static string ReadGeneratedSource()
    {
        var root = TemplateFork.RepositoryRoot;
        var newest = new[] { Path.Combine(root, "src", "Batch.Sdk", "obj"), Path.Combine(root, "artifacts") }
            .Where(Directory.Exists)
            .SelectMany(directory => Directory.EnumerateFiles(directory, "BatchClients.g.cs", SearchOption.AllDirectories))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"No BatchClients.g.cs under {root}/src/Batch.Sdk/obj: build src/Batch.Sdk before running the generation tests.");
        return File.ReadAllText(newest);
    }

    [GeneratedRegex(@"public virtual async System\.Threading\.Tasks\.Task\S* \w+Async\(")]
    private static partial Regex Operation();

    [GeneratedRegex(@"if \(status_ == [45]\d\d")]
    private static partial Regex ErrorStatusBranch();
}
