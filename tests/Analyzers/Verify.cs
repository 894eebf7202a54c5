using System.Reflection;
using Interleave.Analyzers;
using Interleave.Primitives;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Interleave.Tests.Analyzers;

/// <summary>
/// Runs the analyzer, and a code fix, on test code compiled against .NET 10 and, as a user's is, the Interleave
/// primitives. Expected diagnostics are marked in the code: <c>{|ILV0001:Task.Run(work)|}</c>.
/// </summary>
internal static class Verify
{
    private static readonly MetadataReference Primitives = MetadataReference.CreateFromFile(typeof(ControlledTask).Assembly.Location);

    // .NET 10's reference pack, at the version restore fetched (Directory.Packages.props): the testing package's
    // own Net100 names 10.0.1, which the feed does not serve.
    private static readonly ReferenceAssemblies Net100 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", typeof(Verify).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ReferenceAssembliesVersion").Value!),
        Path.Combine("ref", "net10.0"));

    /// <summary>The analyzer reports exactly the diagnostics marked in <paramref name="code"/>, and <paramref name="expected"/>.</summary>
    internal static Task DiagnosticsAsync(string code, params DiagnosticResult[] expected) => AnalyzeAsync(code, [Primitives], expected);

    /// <summary>The same, in a project that does not reference the primitives.</summary>
    internal static Task DiagnosticsWithoutPrimitivesAsync(string code) => AnalyzeAsync(code, [], []);

    /// <summary>The same, in a project whose build rewrites its assembly (<c>&lt;InterleaveRewrite&gt;true&lt;/InterleaveRewrite&gt;</c>).</summary>
    internal static Task DiagnosticsInARewrittenProjectAsync(string code) =>
        AnalyzeAsync(code, [Primitives], [], "is_global = true\nbuild_property.InterleaveRewrite = true\n");

    private static Task AnalyzeAsync(string code, MetadataReference[] references, DiagnosticResult[] expected, string? globalConfig = null)
    {
        var test = new CSharpAnalyzerTest<SchedulerEscapeAnalyzer, DefaultVerifier> { TestCode = code, ReferenceAssemblies = Net100 };
        test.TestState.AdditionalReferences.AddRange(references);
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// The diagnostics marked in <paramref name="code"/> are reported, and <typeparamref name="TFix"/> turns the code
    /// into <paramref name="fixedCode"/>; given the same code twice, that the fix is not offered.
    /// </summary>
    internal static Task FixAsync<TFix>(string code, string fixedCode)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<SchedulerEscapeAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = code,
            FixedCode = fixedCode,
            ReferenceAssemblies = Net100,

            // One document: fixing all in its project or solution is fixing all in it, already checked.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
        };
        test.TestState.AdditionalReferences.Add(Primitives);
        return test.RunAsync();
    }

    /// <summary><paramref name="members"/> in a class, after the usings that user code has.</summary>
    internal static string InClass(string members) =>
        $$"""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Interleave.Primitives;

        public sealed class Subject
        {
        {{members}}
        }

        """;
}
