using Interleave.Bench.TimeToBug;
using Interleave.Harness;

namespace Interleave.Tests.Systematic.Shrinking;

/// <summary>
/// Shrinking a failing schedule before it is reported: the schedule a random walk found with many
/// preemptions comes back with the one it needs, marked where the bug needs it, in no more steps; the
/// minimal and the original trace both replay; correct programs report nothing to shrink; without
/// <see cref="ExplorationOptions.MinimizeFor"/> the schedule is reported as found.
/// </summary>
public sealed class MinimizationTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    private static readonly ExplorationOptions RandomWalk = new()
    {
        Engine = SchedulingEngine.Native,
        Strategy = ExplorationStrategy.Random,
        Iterations = 5000,
        Seed = 3,
    };

    [Fact]
    public void LastSeats_FoundByARandomWalk_ShrinksToItsOnePreemptionAfterThePayment()
    {
        var found = Explorer.Run(LastSeats.CheckedThenTakenLater, RandomWalk);
        var report = Explorer.Run(LastSeats.CheckedThenTakenLater, RandomWalk with { MinimizeFor = Budget });

        var minimization = Assert.IsType<Minimization>(report.Minimization);
        Assert.True(minimization.Replaced, minimization.Summary);
        Assert.True(minimization.FewestPreemptions, minimization.Summary);
        Assert.Equal(found.Events.Count, minimization.OriginalSteps);
        Assert.True(minimization.OriginalPreemptions > 1, minimization.Summary);
        Assert.Equal(1, minimization.Preemptions);
        Assert.InRange(minimization.Steps, 1, minimization.OriginalSteps);
        Assert.Equal(found.Verdict, report.Verdict);
        Assert.Equal(found.FailingSchedule, report.FailingSchedule);

        var lines = report.Account.ReplaceLineEndings("\n").Split('\n');
        var mark = Assert.Single(lines, line => line.TrimStart().StartsWith("-- preemption:", StringComparison.Ordinal));
        Assert.Contains("await till.PutAsync(\"card paid\");", lines[Array.IndexOf(lines, mark) - 1], StringComparison.Ordinal);
        Assert.Matches(@"^\d+ steps, \d+ preemptions → \d+ steps, 1 preemption \(fewest preemptions", minimization.Summary);

        for (var replay = 0; replay < 100; replay++)
        {
            Assert.Equal(report.Account, Explorer.Replay(LastSeats.CheckedThenTakenLater, report.Trace).Account);
        }

        Assert.Equal(found.Account, Explorer.Replay(LastSeats.CheckedThenTakenLater, minimization.OriginalTrace).Account);
    }

    [Fact]
    public void LastSeats_FoundByCoyote_IsReplacedByTheNativeScheduleWithOnePreemption()
    {
        var report = Explorer.Run(LastSeats.CheckedThenTakenLater, new ExplorationOptions { Iterations = 300, Seed = 1, MinimizeFor = Budget });

        var minimization = Assert.IsType<Minimization>(report.Minimization);
        Assert.Null(minimization.OriginalPreemptions);
        Assert.True(minimization.Replaced, minimization.Summary);
        Assert.Equal(1, minimization.Preemptions);
        Assert.Contains("-- preemption:", report.Account, StringComparison.Ordinal);
        Assert.Equal(report.Account, Explorer.Replay(LastSeats.CheckedThenTakenLater, report.Trace).Account);
    }

    [Theory]
    [InlineData(SchedulingEngine.Coyote, 200)]
    [InlineData(SchedulingEngine.Native, 1000)]
    public void CorrectTwin_NothingToShrink(SchedulingEngine engine, int schedules)
    {
        var report = Explorer.Run(LastSeats.CheckedAndTakenUnderOneLock, new ExplorationOptions { Engine = engine, Iterations = schedules, Seed = 1, MinimizeFor = Budget });

        Assert.False(report.BugFound, report.Account);
        Assert.Null(report.Minimization);
    }

    [Fact]
    public void WithoutMinimizeFor_TheScheduleIsReportedAsFound()
    {
        var report = Explorer.Run(LastSeats.CheckedThenTakenLater, RandomWalk);

        Assert.Null(report.Minimization);
        Assert.True(report.Account.Split("-- preemption:").Length > 2, report.Account);
    }
}
