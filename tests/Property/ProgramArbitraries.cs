using FsCheck;
using FsCheck.Fluent;
using Interleave.Harness;

namespace Interleave.Tests.Property;

/// <summary>
/// FsCheck generators of small concurrent programs: 2-3 tasks taking 2-4 locks in generated orders, and
/// 2-3 tasks sharing counters, some accesses outside the lock. Small on purpose: the harness must find
/// every bug they can have within a fixed budget of schedules.
/// </summary>
public static class ProgramArbitraries
{
    /// <summary>The most locks a task holds at once.</summary>
    private const int MaxDepth = 3;

    /// <summary>
    /// Lock programs, half of them able to deadlock (as <see cref="DeadlockOracle"/> decides; of the
    /// generated walks left alone, 22% would); shrunk by leaving steps out.
    /// </summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LockProgram> LockPrograms() => HalfDeadlocking(LockProgramGenerator(maxTasks: 3, maxMoves: 5, yields: true));

    /// <summary>The programs of <paramref name="programs"/>, half of them able to deadlock and half not; shrunk by leaving steps out.</summary>
    /// <param name="programs">The generator to draw from.</param>
    /// <returns>The arbitrary.</returns>
    internal static Arbitrary<LockProgram> HalfDeadlocking(Gen<LockProgram> programs) =>
        Arb.From(
            Gen.OneOf(
                programs.Where(p => DeadlockOracle.ReachableDeadlocks(p).Count > 0),
                programs.Where(p => DeadlockOracle.ReachableDeadlocks(p).Count == 0)),
            program => program.Shrink());

    /// <summary>Counter programs with at least one data race (two tasks, one incrementing, not both under the lock).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<CellProgram> RacyCellPrograms() =>
        Arb.From(CellProgramGenerator().Where(p => p.HasUnguardedConflict), program => program.Shrink().Where(p => p.HasUnguardedConflict));

    /// <summary>
    /// Every strategy of both engines but two. Coyote's q-learning can settle on a policy that never shows a
    /// bug: with 4 of 20 seeds it missed a lost update for 3,000 schedules that random search shows within 9.
    /// The native exhaustive search takes no seed, so it would repeat one exploration; it has its own properties.
    /// </summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Scheduler> SchedulersThatFindEveryBug() =>
        Arb.From(Gen.Elements(
        [
            .. Explorer.CoyoteStrategies.Where(s => s != ExplorationStrategy.QLearning).Select(s => new Scheduler(SchedulingEngine.Coyote, s)),
            .. Explorer.NativeStrategies.Where(s => s != ExplorationStrategy.Exhaustive).Select(s => new Scheduler(SchedulingEngine.Native, s)),
        ]));

    /// <summary>Lock programs of 2 to <paramref name="maxTasks"/> tasks, each a walk of 1 to <paramref name="maxMoves"/> moves.</summary>
    /// <param name="maxTasks">The most tasks a program has.</param>
    /// <param name="maxMoves">The most acquisitions, releases and yields a task's walk makes before it releases what it holds.</param>
    /// <param name="yields">Whether a move can be a yield.</param>
    /// <returns>The generator.</returns>
    internal static Gen<LockProgram> LockProgramGenerator(int maxTasks, int maxMoves, bool yields) =>
        from taskCount in Gen.Choose(2, maxTasks)
        from lockCount in Gen.Frequency((2, Gen.Constant(2)), (2, Gen.Constant(3)), (1, Gen.Constant(4)))
        from walks in Gen.Choose(1, maxMoves).SelectMany(moves => Gen.Choose(0, 999).ArrayOf(moves)).ArrayOf(taskCount)
        select new LockProgram(lockCount, [.. walks.Select(walk => LockSteps(lockCount, walk, yields))]);

    // A random walk of nested acquisitions and releases, with the odd yield; whatever is held at the end is released.
    private static List<LockStep> LockSteps(int lockCount, int[] walk, bool yields)
    {
        var steps = new List<LockStep>();
        var held = new List<int>();
        foreach (var choice in walk)
        {
            if (yields && choice % 8 == 0)
            {
                steps.Add(new LockStep(LockStepKind.Yield, 0));
                continue;
            }

            var free = Enumerable.Range(0, lockCount).Where(l => !held.Contains(l)).ToList();
            var canAcquire = held.Count < MaxDepth && free.Count > 0;
            if (canAcquire && (held.Count == 0 || choice % 3 != 0))
            {
                var taken = free[choice / 8 % free.Count];
                held.Add(taken);
                steps.Add(new LockStep(LockStepKind.Acquire, taken));
            }
            else if (held.Count > 0)
            {
                steps.Add(new LockStep(LockStepKind.Release, held[^1]));
                held.RemoveAt(held.Count - 1);
            }
        }

        for (var i = held.Count - 1; i >= 0; i--)
        {
            steps.Add(new LockStep(LockStepKind.Release, held[i]));
        }

        return steps;
    }

    private static Gen<CellProgram> CellProgramGenerator() =>
        from taskCount in Gen.Choose(2, 3)
        from cellCount in Gen.Choose(1, 2)
        from tasks in CellSections(cellCount).ArrayOf(taskCount)
        select new CellProgram(cellCount, [.. tasks]);

    // One to three sections, each one or two accesses (sometimes after a yield), inside the lock or not.
    private static Gen<IReadOnlyList<CellStep>> CellSections(int cellCount) =>
        from sections in Gen.Choose(1, 3)
        from section in CellSection(cellCount).ArrayOf(sections)
        select (IReadOnlyList<CellStep>)[.. section.SelectMany(steps => steps)];

    private static Gen<IEnumerable<CellStep>> CellSection(int cellCount) =>
        from guarded in Gen.Elements(true, false)
        from count in Gen.Choose(1, 2)
        from accesses in CellAccess(cellCount).ArrayOf(count)
        select guarded
            ? [new CellStep(CellStepKind.Acquire, 0), .. accesses.SelectMany(a => a), new CellStep(CellStepKind.Release, 0)]
            : accesses.SelectMany(a => a);

    private static Gen<CellStep[]> CellAccess(int cellCount) =>
        from yields in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from kind in Gen.Elements(CellStepKind.Read, CellStepKind.Increment, CellStepKind.Increment)
        from cell in Gen.Choose(0, cellCount - 1)
        select yields ? new[] { new CellStep(CellStepKind.Yield, 0), new CellStep(kind, cell) } : [new CellStep(kind, cell)];
}
