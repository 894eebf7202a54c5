using FsCheck;
using FsCheck.Fluent;

namespace Interleave.Tests.Property;

/// <summary>
/// FsCheck generators of small concurrent programs: 2-3 tasks taking 2-4 locks in generated orders.
/// Small on purpose: the harness must find every bug they can have within a fixed budget of schedules.
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
    public static Arbitrary<LockProgram> LockPrograms() =>
        Arb.From(
            Gen.OneOf(
                LockProgramGenerator().Where(p => DeadlockOracle.ReachableDeadlocks(p).Count > 0),
                LockProgramGenerator().Where(p => DeadlockOracle.ReachableDeadlocks(p).Count == 0)),
            program => program.Shrink());

    private static Gen<LockProgram> LockProgramGenerator() =>
        from taskCount in Gen.Choose(2, 3)
        from lockCount in Gen.Frequency((2, Gen.Constant(2)), (2, Gen.Constant(3)), (1, Gen.Constant(4)))
        from walks in Gen.Choose(1, 5).SelectMany(moves => Gen.Choose(0, 999).ArrayOf(moves)).ArrayOf(taskCount)
        select new LockProgram(lockCount, [.. walks.Select(walk => LockSteps(lockCount, walk))]);

    // A random walk of nested acquisitions and releases, with the odd yield; whatever is held at the end is released.
    private static List<LockStep> LockSteps(int lockCount, int[] walk)
    {
        var steps = new List<LockStep>();
        var held = new List<int>();
        foreach (var choice in walk)
        {
            if (choice % 8 == 0)
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
}
