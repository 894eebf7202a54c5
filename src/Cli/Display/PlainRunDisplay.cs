using Interleave.Cli.Runs;

namespace Interleave.Cli.Display;

/// <summary>For logs and pipes: the table, a row per test as soon as it and all before it are done; no progress.</summary>
internal sealed class PlainRunDisplay(TextWriter output, IReadOnlyList<TestCase> tests, bool showExpected, bool quiet) : IRunDisplay
{
    private readonly RunSummaryTable _table = new(tests.Select(t => t.Name), showExpected);

    public void Show(Action run)
    {
        if (!quiet)
        {
            output.WriteLine(_table.Header());
        }

        run();
    }

    public void ResultInOrder(TestResult result)
    {
        if (!quiet)
        {
            output.WriteLine(_table.Row(result));
        }
    }

    public void TestStarted(TestCase test)
    {
    }

    public void TestProgressed(TestCase test, int schedules)
    {
    }

    public void TestFinished(TestCase test, TestResult result)
    {
    }

    public void Summarize(IReadOnlyList<TestResult> results)
    {
    }
}
