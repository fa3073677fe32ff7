using System.IO;
using System.Xml.Linq;

namespace Batch.Sdk.Tests.Trimming;

/// <summary>
/// A trimmed app keeps what Newtonsoft.Json reflects over only if the trimmer finds the descriptor inside the SDK's
/// assembly under the name it looks for (build/smoke/trimmed-smoke.sh proves the whole effect).
/// </summary>
public sealed class TrimmingDescriptorTests
{
    [Fact]
    public void The_SDK_assembly_embeds_a_descriptor_that_keeps_all_of_itself()
    {
        var assembly = typeof(BatchClient).Assembly;
        using var stream = assembly.GetManifestResourceStream("ILLink.Descriptors.xml");

        stream.ShouldNotBeNull();
        var kept = XDocument.Load(stream!).Root!.Element("assembly")!;
        kept.Attribute("fullname")!.Value.ShouldBe(assembly.GetName().Name);
        kept.Attribute("preserve")!.Value.ShouldBe("all");
    }
}
