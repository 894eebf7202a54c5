using Interleave.Cli.Measurement;

namespace Interleave.Tests.Systematic.Cli;

/// <summary>The stress baseline: stops at the first failing or hung run, else spends its budget.</summary>
public class StressRunTests
{
    [Fact]
    public void FailingTest_StopsAtTheFirstRun_NamingTheException()
    {
        var result = StressRun.Run(() => throw new InvalidOperationException("boom"), 100, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));

        Assert.True(result.BugFound);
        Assert.Equal(1, result.Runs);
        Assert.Equal("InvalidOperationException: boom", result.Failure);
    }

    [Fact]
    public void PassingTest_RunsTheWholeBudgetOfRuns()
    {
        var runs = 0;

        var result = StressRun.Run(() => { Interlocked.Increment(ref runs); return Task.CompletedTask; }, 50, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));

        Assert.False(result.BugFound);
        Assert.Equal(50, result.Runs);
        Assert.Equal(50, runs);
    }

    [Fact]
    public void FailingOnTheThirdRun_ReportsThreeRuns()
    {
        var runs = 0;

        var result = StressRun.Run(() => Interlocked.Increment(ref runs) == 3 ? throw new InvalidOperationException("third") : Task.CompletedTask, 50, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));

        Assert.Equal(3, result.Runs);
        Assert.Equal("InvalidOperationException: third", result.Failure);
    }

    [Fact]
    public void HungRun_ReportedAsHung()
    {
        var never = new TaskCompletionSource();

        var result = StressRun.Run(() => never.Task, 10, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));

        Assert.Equal(1, result.Runs);
        Assert.StartsWith("hung for", result.Failure, StringComparison.Ordinal);
    }
}
