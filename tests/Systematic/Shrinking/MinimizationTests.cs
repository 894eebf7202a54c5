using System.Diagnostics;
using Interleave.Bench.TimeToBug;
using Interleave.Harness;
using Interleave.Harness.Exploration;
using Interleave.Harness.Shrinking;
using Interleave.Scenarios;

namespace Interleave.Tests.Systematic.Shrinking;

/// <summary>
/// Shrinking a failing schedule before it is reported: the schedule a random walk found with many
/// preemptions comes back with the one it needs, marked where the bug needs it, in no more steps; undoing its
/// preemptions one at a time keeps the bug with fewer; the deepening search stops below a count it is given;
/// the minimal and the original trace both replay; correct programs report nothing to shrink; without
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
        Assert.InRange(minimization.Steps, 1, minimization.OriginalSteps);
        Assert.Contains("-- preemption:", report.Account, StringComparison.Ordinal);
        Assert.Equal(report.Account, Explorer.Replay(LastSeats.CheckedThenTakenLater, report.Trace).Account);
    }

    [Fact]
    public void DownloadPool_FoundByCoyote_IsReplacedByANativeScheduleNoLonger()
    {
        // With no preemption the bug needs more steps than Coyote's walk took: the shorter schedule with one wins.
        var test = ScenarioCatalog.All.Single(s => s.Name == "download-pool.permit-returned-early").Test;
        var report = Explorer.Run(test, new ExplorationOptions { Seed = 1, MinimizeFor = TimeSpan.FromSeconds(2) });

        var minimization = Assert.IsType<Minimization>(report.Minimization);
        Assert.True(minimization.Replaced, minimization.Summary);
        Assert.NotNull(minimization.Preemptions);
        Assert.InRange(minimization.Steps, 1, minimization.OriginalSteps);
        Assert.Equal(report.Account, Explorer.Replay(test, report.Trace).Account);
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

    [Fact]
    public void UndoingPreemptions_OfARandomWalksSchedule_KeepsTheBugWithFewerAndReplays()
    {
        var found = FirstBug(RandomWalk);
        bool Shows(ScheduleSearch.FoundBug bug) => SameBug.Holds(found.Finding, bug.Finding) && bug.Events.Count <= found.Events.Count;

        var (undone, schedules) = ScheduleMinimizer.UndoPreemptions(LastSeats.CheckedThenTakenLater, RandomWalk, TestHooks.None, found, Shows, Stopwatch.StartNew(), Budget);

        Assert.True(found.Preemptions.Count > 1, $"{found.Preemptions.Count} preemptions");
        Assert.InRange(undone.Preemptions.Count, 1, found.Preemptions.Count - 1);
        Assert.True(Shows(undone), undone.Finding.Message);
        Assert.InRange(schedules, 2, 1 + (found.Preemptions.Count * found.Preemptions.Count));
        var replayed = FirstBug(RandomWalk with { ReplayTrace = undone.Trace, Iterations = 1 });
        Assert.Equal(undone.Events, replayed.Events);
        Assert.Equal(undone.Preemptions, replayed.Preemptions);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void DeepeningSearch_StopsBelowTheCountItIsGiven(int deepenBelow, bool findsTheOnePreemptionBug)
    {
        var search = new ScheduleSearch(
            LastSeats.CheckedThenTakenLater,
            new ExplorationOptions { Engine = SchedulingEngine.Native, Strategy = ExplorationStrategy.Exhaustive, Iterations = 100_000 },
            TestHooks.None,
            log: null) { DeepenBelow = deepenBelow };

        search.Run();

        Assert.Equal(findsTheOnePreemptionBug, search.FirstBug is not null);
        Assert.Equal(!findsTheOnePreemptionBug, search.Exhausted);
        Assert.Equal(findsTheOnePreemptionBug ? 1 : 0, search.FirstBug?.Preemptions.Count ?? 0);
    }

    private static ScheduleSearch.FoundBug FirstBug(ExplorationOptions options)
    {
        var search = new ScheduleSearch(LastSeats.CheckedThenTakenLater, options, TestHooks.None, log: null);
        search.Run();
        return search.FirstBug ?? throw new InvalidOperationException("No bug found.");
    }
}
