using Interleave.Cli.Runs;
using Interleave.Harness;
using Interleave.Harness.Reports;

namespace Interleave.Cli.Engines;

/// <summary>Explores each test on one Coyote engine in this process: <c>interleave test -p 1</c>, and each engine process's side.</summary>
internal sealed class InProcessEngine(RunOptions options) : IExplorationEngine
{
    public string Placement => string.Empty;

    public int TestsAtOnce => 1;

    public TestResult Explore(TestCase test, IProgress<int>? progress) =>
        Explore(test, options.Exploration with { Progress = progress }, options.OutDir);

    /// <summary>Explores <paramref name="test"/> with <paramref name="exploration"/> and writes its bug's files to <paramref name="outDir"/>.</summary>
    /// <exception cref="UsageException">The files cannot be written.</exception>
    internal static TestResult Explore(TestCase test, ExplorationOptions exploration, string outDir)
    {
        var report = Explorer.Run(test.Test, exploration with { TestName = test.FullName }, test.Hooks);
        return TestResult.Of(test, report, report.Finding is not null ? WriteFiles(test, report, outDir) : null);
    }

    public void Dispose()
    {
    }

    // <outdir>/<name>.trace, .txt and .html; the trace names the test as Namespace.Type.Method (TestName), which is
    // how replay finds it again without -m.
    private static string WriteFiles(TestCase test, ExplorationReport report, string outDir)
    {
        var name = string.Concat(test.Name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        try
        {
            return BugFiles.Write(outDir, name, report, test.Name);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot write the trace of {test.Name} to {outDir}: {failure.Message}", failure);
        }
    }
}
