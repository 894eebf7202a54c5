using Interleave.Harness;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>Each kind of failure gets its own verdict, and a passing test gets none.</summary>
public class ExplorerVerdictTests
{
    [Fact]
    public void Explorer_TaskThrows_ReportsUnhandledException()
    {
        var report = Explorer.Run(async () =>
        {
            await ControlledTask.Run(async () =>
            {
                await ControlledTask.Yield();
                throw new InvalidOperationException("boom in a task");
            });
        }, new ExplorationOptions { Iterations = 10 });

        Assert.Equal(Verdict.UnhandledException, report.Verdict);
        Assert.Contains("boom in a task", report.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.IterationsRun);
    }

    [Fact]
    public void Explorer_TaskNeverStops_ReportsHangAtTheStepBound()
    {
        var report = Explorer.Run(async () =>
        {
            var stop = new AsyncEvent();
            while (!stop.IsSet)
            {
                await ControlledTask.Yield();
            }
        }, new ExplorationOptions { Iterations = 3, MaxSteps = 300 });

        Assert.Equal(Verdict.Hang, report.Verdict);
        Assert.Equal(1, report.IterationsRun);
    }

    [Fact]
    public void Explorer_TaskWaitsOnEventNobodySets_ReportsDeadlock()
    {
        var report = Explorer.Run(async () =>
        {
            var never = new AsyncEvent("never-set");
            await ControlledTask.Run(async () => await never.WaitAsync());
        }, new ExplorationOptions { Iterations = 3 });

        Assert.Equal(Verdict.Deadlock, report.Verdict);
    }

    [Fact]
    public void Explorer_CorrectTest_ReportsNoBugAfterEveryIteration()
    {
        var report = Explorer.Run(async () => await ControlledTask.Yield(), new ExplorationOptions { Iterations = 25 });

        Assert.Equal(Verdict.NoBug, report.Verdict);
        Assert.Equal(25, report.IterationsRun);
        Assert.Empty(report.Message);
        Assert.Empty(report.Trace);
    }

    [Fact]
    public void Explorer_ZeroIterations_RejectedWithClearError()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Explorer.Run(() => Task.CompletedTask, new ExplorationOptions { Iterations = 0 }));

        Assert.Contains("at least 1", error.Message, StringComparison.Ordinal);
    }
}
