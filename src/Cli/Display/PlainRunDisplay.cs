using Interleave.Cli.Runs;
namespace Interleave.Cli.Display;

/// <summary>For logs and pipes: the table, a row per test as soon as it and all before it are done; no progress.</summary>
internal sealed class PlainRunDisplay(TextWriter output, bool showExpected, bool quiet) : IRunDisplay
{
    public IReadOnlyList<TestOutcome> Run(IReadOnlyList<TestCase> tests, int parallel, Func<TestCase, IProgress<int>?, TestOutcome> explore)
    {
        var table = new RunSummaryTable(tests.Select(t => t.Name), showExpected);
        if (!quiet)
        {
            output.WriteLine(table.Header());
        }

        return ParallelRunner.Run(
            tests,
            parallel,
            test => explore(test, null),
            outcome =>
            {
                if (!quiet)
                {
                    output.WriteLine(table.Row(TestResult.From(outcome)));
                }
            });
    }
}
