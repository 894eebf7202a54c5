using FsCheck;

namespace Interleave.Tests.Property.Exhaustive;

/// <summary>
/// Lock programs small enough for an exhaustive search with no preemption bound to finish in a moment: two
/// tasks of at most two moves each and no yields, half of them able to deadlock. Every task start,
/// continuation and yield is a choice, so the schedules grow exponentially with the steps: two tasks of four
/// lock steps have under a thousand, one yield more among them a hundred times as many.
/// </summary>
public static class SmallLockProgramArbitraries
{
    /// <summary>Small lock programs, half of them able to deadlock (as <see cref="DeadlockOracle"/> decides); shrunk by leaving steps out.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LockProgram> LockPrograms() =>
        ProgramArbitraries.HalfDeadlocking(ProgramArbitraries.LockProgramGenerator(maxTasks: 2, maxMoves: 2, yields: false));
}
