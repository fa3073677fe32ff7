using System.Linq;
using Batch.Sdk.ContractTests.Spec;

namespace Batch.Sdk.ContractTests.Documentation;

public sealed class SeedErrorTableTests
{
    public static TheoryData<string> Seeds => new(SeedPage.All.Select(page => page.Seed));

    [Fact]
    public void The_data_file_transcribes_the_five_seed_pages()
    {
        SeedPage.All.Count.ShouldBe(5);
        SeedPage.All.ShouldAllBe(page => page.Errors.Count > 0);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_spec_declares_exactly_the_route_success_and_errors_of_the_seed_page(string seed)
    {
        SeedPage.Named(seed).Differences(SpecDocument.Current).ShouldBeEmpty();
    }
}
