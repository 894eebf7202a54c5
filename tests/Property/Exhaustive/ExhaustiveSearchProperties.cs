using Interleave.Harness;
using Interleave.Harness.Findings;
using Xunit;

namespace Interleave.Tests.Property.Exhaustive;

/// <summary>
/// The native engine's exhaustive search on generated lock programs: it runs every schedule once (its count
/// is the one <see cref="ScheduleTree"/> finds by walking the tree of choices on its own), and it reports a
/// deadlock exactly when <see cref="DeadlockOracle"/>, which searches the program's abstract states, reaches one.
/// </summary>
public class ExhaustiveSearchProperties
{
    // Schedules the search may run: more than any program it is given here has, so every search ends by itself.
    private const int Budget = 200_000;

    // Without a preemption bound the schedules grow exponentially with the steps: a program of 3 tasks and
    // 9 steps has over a million. Programs of at most this many steps have a few thousand.
    private const int UnboundedSteps = 6;

    [ScaledProperty(60, Arbitrary = [typeof(ProgramArbitraries)])]
    public FsCheck.Property Search_ReportsDeadlock_ExactlyWhenTheOracleReachesOne(LockProgram program) =>
        FsCheck.Fluent.Prop.When(program.Tasks.Sum(steps => steps.Count) <= UnboundedSteps, () => AssertDeadlockExactlyWhenReachable(program));

    private static void AssertDeadlockExactlyWhenReachable(LockProgram program)
    {
        var canDeadlock = DeadlockOracle.ReachableDeadlocks(program).Count > 0;
        var report = Explore(program, preemptionBound: null);

        if (canDeadlock)
        {
            Assert.True(report.Finding is DeadlockFinding, $"{program} can deadlock, but the exhaustive search reported {report}");
            return;
        }

        Assert.True(report.Exhausted && report.Verdict == Verdict.NoBug, $"{program} cannot deadlock, but the exhaustive search reported {report}");
    }

    [ScaledProperty(20, Arbitrary = [typeof(ProgramArbitraries)])]
    public void Search_RunsAsManySchedulesAsTheTreeOfChoicesHas(LockProgram program, byte bound)
    {
        int? preemptionBound = bound % 3;
        var report = Explore(program, preemptionBound);
        if (report.BugFound)
        {
            return;
        }

        var counted = ScheduleTree.CountSchedules(() => program.RunAsync(new TaskProgress()), preemptionBound);
        Assert.True(report.Exhausted, $"The search of {program} did not end by itself: {report}");
        Assert.True(counted == report.IterationsRun, $"The tree of choices of {program} has {counted} schedules within {ExplorationReport.BoundText(preemptionBound)}, the search ran {report.IterationsRun}.");
    }

    private static ExplorationReport Explore(LockProgram program, int? preemptionBound) =>
        Explorer.Run(() => program.RunAsync(new TaskProgress()), new ExplorationOptions
        {
            Engine = SchedulingEngine.Native,
            Strategy = ExplorationStrategy.Exhaustive,
            PreemptionBound = preemptionBound,
            Iterations = Budget,
            Races = RaceChecking.Off,
            TestName = "Property.GeneratedProgram",
        });
}
