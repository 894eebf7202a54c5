using Interleave.Cli;
using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Tests.Systematic.Cli;

/// <summary>
/// What a run's verdicts make of its exit code and closing sentence: a test that escaped the scheduler's control
/// is an error in use (1), never a bug found (2), and a built-in scenario that comes out so is not as expected.
/// </summary>
public class RunSummaryTests
{
    [Fact]
    public void UncontrolledTest_ExitsOneAndSaysItCannotBeJudged()
    {
        var summary = Summary(checksExpectations: false, Result("A", null, Verdict.NoBug), Result("B", null, Verdict.Uncontrolled));

        Assert.Equal(ExitCode.UsageError, summary.ExitCode);
        Assert.Equal(0, summary.BugsFound);
        Assert.Equal("No bug found in 2 tests. 1 stalled on work the scheduler cannot see (Uncontrolled): they cannot be judged until it goes through Interleave's primitives and ControlledTask.", summary.Conclusion());
    }

    [Fact]
    public void BugBesideAnUncontrolledTest_ExitsTwo()
    {
        var summary = Summary(checksExpectations: false, Result("A", null, Verdict.Deadlock), Result("B", null, Verdict.Uncontrolled));

        Assert.Equal(ExitCode.BugFound, summary.ExitCode);
        Assert.Equal(1, summary.BugsFound);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void UncontrolledScenario_IsNotAsExpected(bool buggy)
    {
        var result = Result("s", buggy, Verdict.Uncontrolled);

        Assert.False(result.AsExpected);
        Assert.Equal(ExitCode.BugFound, Summary(checksExpectations: true, result).ExitCode);
    }

    private static TestResult Result(string name, bool? expectedBug, Verdict verdict) =>
        new(name, name, expectedBug, verdict, verdict == Verdict.NoBug ? 0 : 1, 1, 1, false, null, string.Empty);

    private static RunSummary Summary(bool checksExpectations, params TestResult[] tests) =>
        new("tests.dll", "random", 1, 10, 1, [1], checksExpectations, tests);
}
