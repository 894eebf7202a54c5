using Interleave.Harness;
using Interleave.Harness.Findings;
using Interleave.Harness.Native;
using Interleave.Primitives.NativeEngine;
using Xunit;

namespace Interleave.Tests.Property.Exhaustive;

/// <summary>
/// The native engine's exhaustive search on generated lock programs: it runs every schedule once (its count
/// is the one <see cref="ScheduleTree"/> finds by walking the tree of choices on its own), with sleep sets one
/// of each class of equivalent schedules (the tree's schedules sorted by a normal form), and either way it
/// reports a deadlock exactly when <see cref="DeadlockOracle"/>, which searches the program's abstract states,
/// reaches one.
/// </summary>
public class ExhaustiveSearchProperties
{
    // Schedules the search may run: more than any program it is given here has, so every search ends by itself.
    private const int Budget = 200_000;

    // A bound that keeps the search of every generated program within the budget (at 2, three tasks with yields
    // pass it). Some deadlocks need more preemptions, so within it the search may miss one, but it must never
    // report one the oracle cannot reach.
    private const int DeadlockBound = 1;

    [ScaledProperty(40, Arbitrary = [typeof(SmallLockProgramArbitraries)])]
    public void Search_ReportsDeadlock_ExactlyWhenTheOracleReachesOne(LockProgram program, bool sleepSets)
    {
        var canDeadlock = DeadlockOracle.ReachableDeadlocks(program).Count > 0;
        var report = Explore(program, preemptionBound: null, sleepSets);

        if (canDeadlock)
        {
            Assert.True(report.Finding is DeadlockFinding, $"{program} can deadlock, but the exhaustive search reported {report}");
            return;
        }

        Assert.True(report.Exhausted && report.Verdict == Verdict.NoBug, $"{program} cannot deadlock, but the exhaustive search reported {report}");
    }

    [ScaledProperty(40, Arbitrary = [typeof(ProgramArbitraries)])]
    public void BoundedSearch_ReportsDeadlock_OnlyWhereTheOracleReachesOne(LockProgram program)
    {
        var canDeadlock = DeadlockOracle.ReachableDeadlocks(program).Count > 0;
        var report = Explore(program, DeadlockBound);

        if (report.Finding is DeadlockFinding)
        {
            Assert.True(canDeadlock, $"{program} cannot deadlock, but the search within {ExplorationReport.BoundText(DeadlockBound)} reported {report}");
            return;
        }

        Assert.True(report.Exhausted && report.Verdict == Verdict.NoBug, $"The search of {program} within {ExplorationReport.BoundText(DeadlockBound)} should end with no bug or a deadlock: {report}");
    }

    [ScaledProperty(20, Arbitrary = [typeof(ProgramArbitraries)])]
    public void Search_RunsAsManySchedulesAsTheTreeOfChoicesHas(LockProgram program, byte bound)
    {
        int? preemptionBound = bound % (DeadlockBound + 1);
        var report = Explore(program, preemptionBound);
        if (report.BugFound)
        {
            return;
        }

        var counted = ScheduleTree.CountSchedules(() => program.RunAsync(new TaskProgress()), preemptionBound);
        Assert.True(report.Exhausted, $"The search of {program} did not end by itself: {report}");
        Assert.True(counted == report.IterationsRun, $"The tree of choices of {program} has {counted} schedules within {ExplorationReport.BoundText(preemptionBound)}, the search ran {report.IterationsRun}.");
        Assert.Equal(report.IterationsRun, report.DistinctSchedules);
    }

    // Without a bound the search deepens it pass by pass, re-running earlier passes' schedules: it still counts each once.
    [ScaledProperty(20, Arbitrary = [typeof(SmallLockProgramArbitraries)])]
    public void DeepeningSearch_CountsEveryScheduleOfTheTreeOnce(LockProgram program)
    {
        var report = Explore(program, preemptionBound: null);
        if (report.BugFound)
        {
            return;
        }

        var counted = ScheduleTree.CountSchedules(() => program.RunAsync(new TaskProgress()), preemptionBound: null);
        Assert.True(report.Exhausted, $"The search of {program} did not end by itself: {report}");
        Assert.True(counted == report.DistinctSchedules, $"The tree of choices of {program} has {counted} schedules, the search counted {report.DistinctSchedules} distinct ones in {report.IterationsRun} runs.");
    }

    // With sleep sets it counts one schedule of each class of equivalent ones, each once.
    [ScaledProperty(20, Arbitrary = [typeof(SmallLockProgramArbitraries)])]
    public void DeepeningSearchWithSleepSets_CountsOneScheduleOfEachClassOfEquivalentOnes(LockProgram program)
    {
        var report = Explore(program, preemptionBound: null, sleepSets: true);
        if (report.BugFound)
        {
            return;
        }

        var classes = ScheduleTree.ScheduleClasses(() => program.RunAsync(new TaskProgress())).Count;
        Assert.True(report.Exhausted, $"The search of {program} did not end by itself: {report}");
        Assert.True(classes == report.DistinctSchedules, $"The schedules of {program} fall into {classes} classes of equivalent ones, the search counted {report.DistinctSchedules} distinct ones in {report.IterationsRun} runs.");
    }

    // The schedules the search runs to their end are of every class, deadlocking ones too (the search goes on past them here).
    [ScaledProperty(20, Arbitrary = [typeof(SmallLockProgramArbitraries)])]
    public void DeepeningSearchWithSleepSets_RunsAScheduleOfEveryClassToItsEnd(LockProgram program)
    {
        Task Test() => program.RunAsync(new TaskProgress());
        var classes = ScheduleTree.ScheduleClasses(Test);
        var search = new DepthFirstSearch(preemptionBound: null, sleepSets: true);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        while (!search.IsComplete && reached.Count <= classes.Count)
        {
            var recorder = new StepRecorder(search.NextSchedule());
            var iteration = new NativeIteration(recorder, stepBound: 100_000);
            var end = iteration.Run(Test, TimeSpan.FromSeconds(5));
            Assert.True(end.Kind != IterationEndKind.Diverged || search.Pruned, $"The search of {program} stopped as nondeterministic: {search.Nondeterminism}");
            if (!search.Pruned)
            {
                reached.Add(ScheduleTree.NormalForm(recorder.Steps(iteration.OperationsCreated)));
            }

            search.Backtrack();
        }

        var missed = classes.Except(reached).ToList();
        var foreign = reached.Except(classes).ToList();
        Assert.True(missed.Count == 0 && foreign.Count == 0, $"The search of {program} missed {missed.Count} of {classes.Count} classes of equivalent schedules (first: {missed.FirstOrDefault()}) and ran {foreign.Count} the tree has not.");
    }

    // Two tasks on locks of their own: of their many schedules, most differ only in the order of steps on different locks.
    [Fact]
    public void DeepeningSearchWithSleepSets_OfTasksOnDifferentLocks_RunsFewerSchedulesThanTheTreeHas()
    {
        var program = new LockProgram(2, [[new(LockStepKind.Acquire, 0), new(LockStepKind.Release, 0)], [new(LockStepKind.Acquire, 1), new(LockStepKind.Release, 1)]]);
        var schedules = ScheduleTree.CountSchedules(() => program.RunAsync(new TaskProgress()), preemptionBound: null);

        var report = Explore(program, preemptionBound: null, sleepSets: true);

        Assert.True(report.Exhausted, $"The search of {program} did not end by itself: {report}");
        Assert.True(report.DistinctSchedules < schedules, $"{program} has {schedules} schedules, and the search counted {report.DistinctSchedules}: it pruned none.");
    }

    private static ExplorationReport Explore(LockProgram program, int? preemptionBound, bool sleepSets = false) =>
        Explorer.Run(() => program.RunAsync(new TaskProgress()), new ExplorationOptions
        {
            Engine = SchedulingEngine.Native,
            Strategy = ExplorationStrategy.Exhaustive,
            PreemptionBound = preemptionBound,
            SleepSets = sleepSets,
            Iterations = Budget,
            Races = RaceChecking.Off,
            TestName = "Property.GeneratedProgram",
        });
}
