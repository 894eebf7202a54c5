namespace Interleave.Cli.Runs;

/// <summary>The tests of one run: the built-in scenarios, or the [Test] methods of one assembly.</summary>
/// <param name="AssemblyPath">The assembly as the user named it; null for the built-in scenarios.</param>
/// <param name="Tests">The tests, in declaration order.</param>
internal sealed record TestSuite(string? AssemblyPath, IReadOnlyList<TestCase> Tests)
{
    /// <summary>True for the built-in scenarios.</summary>
    public bool IsBuiltIn => AssemblyPath is null;

    /// <summary>What the tests are, for headings: "built-in scenarios" or the assembly's file name.</summary>
    public string Source => AssemblyPath is null ? "the built-in scenarios" : Path.GetFileName(AssemblyPath);
}
