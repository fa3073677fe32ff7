using System;
using System.Diagnostics.CodeAnalysis;

// Trimming (see ILLink.Descriptors.xml beside this file): every member of this assembly is kept in a trimmed app, so the
// reflection that Newtonsoft.Json and the request validator do over the SDK's own models, converters and enums finds
// all of it. These warnings are about exactly that reflection, from the generated clients (JsonConvert calls, enum
// names in query strings), the contract resolver and the models' DataAnnotations; the trimmed consumer smoke test
// (build/smoke/trimmed-smoke.sh) proves the requests keep their fields and the responses theirs. Native AOT is a
// different matter (Newtonsoft.Json needs code generated at run time): buildTransitive/Batch.Sdk.targets warns at build
// time and BatchJson refuses to run without dynamic code.
// IL2026: Newtonsoft.Json and DataAnnotations members marked RequiresUnreferencedCode; IL2070/IL2075: reflection over
// the models and enums; IL2109: the contract resolver and enum converter derive from Newtonsoft.Json's.
[module: UnconditionalSuppressMessage("Trimming", "IL2026", Scope = "module", Justification = Batch.Sdk.Trimming.TrimmingReasons.DescriptorKeepsModels)]
[module: UnconditionalSuppressMessage("Trimming", "IL2070", Scope = "module", Justification = Batch.Sdk.Trimming.TrimmingReasons.DescriptorKeepsModels)]
[module: UnconditionalSuppressMessage("Trimming", "IL2075", Scope = "module", Justification = Batch.Sdk.Trimming.TrimmingReasons.DescriptorKeepsModels)]
[module: UnconditionalSuppressMessage("Trimming", "IL2109", Scope = "module", Justification = Batch.Sdk.Trimming.TrimmingReasons.DescriptorKeepsModels)]

namespace Batch.Sdk.Trimming
{
    internal static class TrimmingReasons
    {
        public const string DescriptorKeepsModels =
            "The reflection is over this assembly's own models, converters and enums, and ILLink.Descriptors.xml keeps all of them.";
    }
}

#if !NET5_0_OR_GREATER
namespace System.Diagnostics.CodeAnalysis
{
    // The trimmer matches this attribute by name; netstandard2.0 lacks it (the trimmer never reads that asset for a
    // .NET 8+ app, but the module attributes above compile for both).
    [AttributeUsage(AttributeTargets.All, Inherited = false, AllowMultiple = true)]
    internal sealed class UnconditionalSuppressMessageAttribute(string category, string checkId) : Attribute
    {
        public string Category { get; } = category;

        public string CheckId { get; } = checkId;

        public string? Scope { get; set; }

        public string? Target { get; set; }

        public string? MessageId { get; set; }

        public string? Justification { get; set; }
    }
}
#endif
