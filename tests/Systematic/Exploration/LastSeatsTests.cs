using Interleave.Bench.TimeToBug;
using Interleave.Harness;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// The time-to-bug bench's program (bench/TimeToBug): its correct twin clean on both engines, its bug found
/// by both and replayed, absent from every schedule without a preemption and present with one (which the
/// native engine's account marks), and rare under a uniform random walk.
/// </summary>
public sealed class LastSeatsTests
{
    private const uint Seed = 1;

    [Theory]
    [InlineData(SchedulingEngine.Coyote, 300)]
    [InlineData(SchedulingEngine.Native, 1000)]
    public void CheckedAndTakenUnderOneLock_EitherEngine_NoBug(SchedulingEngine engine, int schedules)
    {
        var report = Explorer.Run(LastSeats.CheckedAndTakenUnderOneLock, new ExplorationOptions { Engine = engine, Iterations = schedules, Seed = Seed });

        Assert.False(report.BugFound, report.ToString());
        Assert.Equal(schedules, report.IterationsRun);
    }

    [Theory]
    [InlineData(SchedulingEngine.Coyote)]
    [InlineData(SchedulingEngine.Native)]
    public void CheckedThenTakenLater_EitherEngine_OversoldAndReplayed(SchedulingEngine engine)
    {
        var report = Explorer.Run(LastSeats.CheckedThenTakenLater, new ExplorationOptions { Engine = engine, Iterations = 300, Seed = Seed });

        Assert.Equal(Verdict.AssertionFailure, report.Verdict);
        Assert.Contains("Oversold: 3 tickets for 2 seats", report.Message, StringComparison.Ordinal);
        Assert.Equal(report.Account, Explorer.Replay(LastSeats.CheckedThenTakenLater, report.Trace).Account);
    }

    // Prioritization with no priority change runs the highest task until it blocks or ends: no preemption.
    // One change, at the right step, is enough.
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void CheckedThenTakenLater_PriorityChanges_BugNeedsOne(int changes, bool found)
    {
        var report = Explorer.Run(LastSeats.CheckedThenTakenLater, new ExplorationOptions
        {
            Engine = SchedulingEngine.Native,
            Strategy = ExplorationStrategy.Prioritization,
            StrategyBound = changes,
            Iterations = 1000,
            Seed = Seed,
        });

        Assert.Equal(found, report.BugFound);
    }

    // The one preemption the bug needs is marked in the account where it happened: after the box office's
    // payment, the one gap between its check and its taking; replaying the trace marks it again. Coyote's
    // engine does not say where it preempted, so its accounts have no marks.
    [Fact]
    public void CheckedThenTakenLater_WithinOnePreemption_TheAccountMarksItAfterThePayment()
    {
        var report = Explorer.Run(LastSeats.CheckedThenTakenLater, new ExplorationOptions
        {
            Engine = SchedulingEngine.Native,
            Strategy = ExplorationStrategy.Exhaustive,
            PreemptionBound = 1,
            Iterations = 5000,
        });

        Assert.Equal(Verdict.AssertionFailure, report.Verdict);
        var lines = report.Account.ReplaceLineEndings("\n").Split('\n');
        var mark = Assert.Single(lines, line => line.TrimStart().StartsWith("-- preemption:", StringComparison.Ordinal));
        Assert.Matches(@"-- preemption: (WebShop|AppShop) runs here, though BoxOffice could go on$", mark);
        Assert.Contains("await till.PutAsync(\"card paid\");", lines[Array.IndexOf(lines, mark) - 1], StringComparison.Ordinal);
        Assert.Equal(report.Account, Explorer.Replay(LastSeats.CheckedThenTakenLater, report.Trace).Account);

        var coyote = Explorer.Run(LastSeats.CheckedThenTakenLater, new ExplorationOptions { Iterations = 300, Seed = Seed });
        Assert.True(coyote.BugFound, coyote.ToString());
        Assert.DoesNotContain("-- preemption:", coyote.Account, StringComparison.Ordinal);
    }

    // A fact of this seed (the bench measures ten): a uniform random walk rarely keeps a runnable task
    // waiting through the other two tasks' steps (602 schedules here, where one priority change takes ~10).
    [Fact]
    public void CheckedThenTakenLater_Random_NeedsHundredsOfSchedules()
    {
        var report = Explorer.Run(LastSeats.CheckedThenTakenLater, new ExplorationOptions
        {
            Engine = SchedulingEngine.Native,
            Strategy = ExplorationStrategy.Random,
            Iterations = 5000,
            Seed = Seed,
        });

        Assert.True(report.BugFound, report.ToString());
        Assert.InRange(report.IterationsRun, 501, 5000);
    }
}
