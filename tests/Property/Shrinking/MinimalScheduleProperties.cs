using FsCheck;
using FsCheck.Fluent;
using Interleave.Harness;
using Interleave.Harness.Exploration;
using Interleave.Harness.Findings;
using Interleave.Harness.Native;
using Interleave.Harness.Shrinking;
using Interleave.Primitives.NativeEngine;
using Xunit;

namespace Interleave.Tests.Property.Shrinking;

/// <summary>
/// The minimizer on generated buggy programs (lock programs that deadlock, counter programs with a lost update):
/// found by either engine, the minimal schedule shows the same bug as the one the exploration found, with no
/// more steps, and no more preemptions than a native one (Coyote's engine does not count them); it is 1-minimal:
/// undoing any one of its preemptions loses the bug (in as few steps as the original: a shorter schedule is
/// never replaced by a longer one), and leaving any one task out from any of its steps on never shows it in
/// fewer steps with as few preemptions; and its trace replays 100 times out of 100 to its account.
/// </summary>
public class MinimalScheduleProperties
{
    private const string Name = "Property.MinimalSchedule";
    private const int Replays = 100;
    private const int StepBound = 100_000;
    private static readonly TimeSpan MinimizeFor = TimeSpan.FromSeconds(10);

    [ScaledProperty(25)]
    public FsCheck.Property DeadlockingLockProgram_MinimalScheduleIsTheSameBug_NoLonger_OneMinimal_AndReplays() =>
        Prop.ForAll(DeadlockingPrograms(), Engines(), (program, engine) => Check(() => program.RunAsync(new TaskProgress()), program.ToString(), engine));

    [ScaledProperty(25)]
    public FsCheck.Property RacyCounterProgram_MinimalScheduleIsTheSameBug_NoLonger_OneMinimal_AndReplays() =>
        Prop.ForAll(ProgramArbitraries.RacyCellPrograms(), Engines(), (program, engine) => Check(program.RunAsync, program.ToString(), engine));

    private static Arbitrary<SchedulingEngine> Engines() => Arb.From(Gen.Elements(Enum.GetValues<SchedulingEngine>()));

    private static Arbitrary<LockProgram> DeadlockingPrograms() =>
        Arb.From(
            ProgramArbitraries.LockProgramGenerator(maxTasks: 3, maxMoves: 5, yields: true).Where(p => DeadlockOracle.ReachableDeadlocks(p).Count > 0),
            program => program.Shrink().Where(p => DeadlockOracle.ReachableDeadlocks(p).Count > 0));

    private static void Check(Func<Task> test, string program, SchedulingEngine engine)
    {
        var options = new ExplorationOptions
        {
            Engine = engine,
            Strategy = ExplorationStrategy.Random,
            Iterations = 2000,
            Seed = 2026,
            TestName = Name,
        };
        var found = Explorer.Run(test, options);
        Assert.True(found.BugFound, $"The random walk found no bug in {program}: {found}");
        var minimal = Explorer.Run(test, options with { MinimizeFor = MinimizeFor });
        var context = $"\nProgram: {program}\nFound by the {engine} engine:\n{found.Account}\nMinimal ({minimal.Minimization?.Summary}):\n{minimal.Account}";

        Assert.True(minimal.Verdict == found.Verdict && SameBug.Holds(found.Finding!, minimal.Finding!), $"The minimal schedule shows another bug.{context}");
        var stepLimit = found.Events.Count;
        Assert.True(minimal.Events.Count <= stepLimit, $"The minimal schedule is longer.{context}");
        Assert.True(engine != SchedulingEngine.Native || minimal.Preemptions.Count <= found.Preemptions.Count, $"The minimal schedule preempts more.{context}");
        Assert.True(minimal.Minimization is { FewestPreemptions: true }, $"The minimizer did not prove the fewest preemptions: {minimal.Minimization?.Note}{context}");

        var recorded = NativeTrace.Choices(minimal.Trace);
        var itself = new NeighbourSchedule(recorded, NeighbourChange.None, changeAt: int.MaxValue, preemptionBudget: 0);
        Assert.Equal(recorded, RunBare(test, itself).Take(recorded.Count));
        var preempted = itself.PreemptedSteps.Where(step => step <= recorded.Count).ToList();
        Assert.True(preempted.Count == minimal.Preemptions.Count, $"The schedule preempts at steps {string.Join(", ", preempted)}, its report at {minimal.Preemptions.Count}.{context}");

        // Every schedule with fewer preemptions, in as few steps as the one found, lacks the bug: undoing one of them must lose it.
        for (var i = 0; i < preempted.Count; i++)
        {
            var undone = Neighbour(test, recorded, NeighbourChange.UndoPreemption, preempted[i], preemptionBudget: preempted.Count - 1 - i);
            Assert.True(undone.Preemptions < preempted.Count, $"Undoing the preemption at step {preempted[i]} left {undone.Preemptions}.{context}");
            Assert.False(
                undone.Finding is { } finding && SameBug.Holds(minimal.Finding!, finding) && undone.Events <= stepLimit,
                $"Undoing the preemption at step {preempted[i]} keeps the bug:\n{Describe(undone)}{context}");
        }

        // No schedule with as few preemptions shows the bug in fewer steps: leaving a task out must not.
        for (var step = 1; step <= recorded.Count; step++)
        {
            if (itself.ChosenTasks[step - 1] is null)
            {
                continue;
            }

            var without = Neighbour(test, recorded, NeighbourChange.LeaveTaskOut, step, preemptionBudget: preempted.Count(s => s >= step));
            Assert.False(
                without.Finding is { } finding && SameBug.Holds(minimal.Finding!, finding) && without.Events < minimal.Events.Count && without.Preemptions <= preempted.Count,
                $"Leaving {itself.ChosenTasks[step - 1]?.Name} out from step {step} shows the bug in fewer steps:\n{Describe(without)}{context}");
        }

        for (var replay = 0; replay < Replays; replay++)
        {
            var again = Explorer.Replay(test, minimal.Trace, Name);
            Assert.True(again.Account == minimal.Account, $"Replay {replay + 1} of the minimal trace told another account:\n{again.Account}{context}");
        }
    }

    // The neighbour's choices, from a run of the test without the harness, replayed by the harness: its finding, events and preemptions.
    private static Outcome Neighbour(Func<Task> test, IReadOnlyList<int> recorded, NeighbourChange change, int changeAt, int preemptionBudget)
    {
        var choices = RunBare(test, new NeighbourSchedule(recorded, change, changeAt, preemptionBudget));
        var search = new ScheduleSearch(test, new ExplorationOptions
        {
            Engine = SchedulingEngine.Native,
            Iterations = 1,
            ReplayTrace = NativeTrace.Write("Neighbour", 0, StepBound, choices),
        }, TestHooks.None, log: null);
        search.Run();
        Assert.True(search.Divergence is null, $"The harness could not replay the neighbour schedule: {search.Divergence}");
        return search.FirstBug is { } bug
            ? new(bug.Finding, bug.Events.Count, bug.Preemptions.Count)
            : new(null, search.LastEvents.Count, search.LastPreemptions.Count);
    }

    private static IReadOnlyList<int> RunBare(Func<Task> test, NeighbourSchedule schedule)
    {
        var iteration = new NativeIteration(schedule, StepBound);
        iteration.Run(test, TimeSpan.FromSeconds(5));
        return iteration.Choices;
    }

    private static string Describe(Outcome outcome) =>
        $"{outcome.Finding?.Message ?? "no bug"} in {outcome.Events} events, {outcome.Preemptions} preemptions";

    private readonly record struct Outcome(Finding? Finding, int Events, int Preemptions);
}
