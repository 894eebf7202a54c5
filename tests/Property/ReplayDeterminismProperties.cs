using FsCheck.Fluent;
using Interleave.Harness;
using Xunit;

namespace Interleave.Tests.Property;

/// <summary>
/// For any generated buggy program (one that can deadlock, race on a counter, or lose an increment) under
/// any strategy of either engine and any seed, the trace of the first bug found replays, again and again, to
/// the same verdict, the same message and, byte for byte, the same readable account.
/// </summary>
public class ReplayDeterminismProperties
{
    /// <summary>
    /// Schedules to find the first bug in. Measured on 300-1,000 generated programs of each kind per
    /// strategy, random seeds: the latest first bug was schedule 54 for a race, 250 for a lost update
    /// (random strategy) and 102 for a deadlock (probabilistic); the medians were 1-7. 5,000 is 20 times
    /// the latest, and a program stops at its first bug, so the margin costs nothing.
    /// </summary>
    private const int SchedulesToFindBug = 5000;

    private const int Replays = 3;

    [ScaledProperty(50, Arbitrary = [typeof(ProgramArbitraries)])]
    public FsCheck.Property DeadlockingProgram_FirstDeadlockReplaysIdentically(LockProgram program, Scheduler scheduler, uint seed) =>
        Prop.When(
            DeadlockOracle.ReachableDeadlocks(program).Count > 0,
            () => AssertFirstBugReplays(() => program.RunAsync(new TaskProgress()), program.ToString(), Verdict.Deadlock, Options(scheduler, seed, RaceChecking.Fail)));

    [ScaledProperty(50, Arbitrary = [typeof(ProgramArbitraries)])]
    public void RacyProgram_FirstDataRaceReplaysIdentically(CellProgram program, Scheduler scheduler, uint seed) =>
        AssertFirstBugReplays(program.RunAsync, program.ToString(), Verdict.DataRace, Options(scheduler, seed, RaceChecking.Fail));

    // Recorded with races off: the replay must use the recorded setting (ReplayRaceCheckingTests), or it
    // stops at the race that comes before every lost update.
    [ScaledProperty(50, Arbitrary = [typeof(ProgramArbitraries)])]
    public FsCheck.Property LostUpdateProgram_FirstAssertionFailureReplaysIdentically(CellProgram program, Scheduler scheduler, uint seed) =>
        Prop.When(
            program.CanLoseUpdate,
            () => AssertFirstBugReplays(program.RunAsync, program.ToString(), Verdict.AssertionFailure, Options(scheduler, seed, RaceChecking.Off)));

    private static ExplorationOptions Options(Scheduler scheduler, uint seed, RaceChecking races) =>
        new() { Iterations = SchedulesToFindBug, Engine = scheduler.Engine, Strategy = scheduler.Strategy, Seed = seed, Races = races, TestName = "Property.GeneratedProgram" };

    private static void AssertFirstBugReplays(Func<Task> test, string program, Verdict expected, ExplorationOptions options)
    {
        var found = Explorer.Run(test, options);
        Assert.True(found.Verdict == expected, $"Expected {expected} in {program} ({options.Strategy} on {options.Engine}, seed {options.Seed}), got {found}");

        for (var replay = 1; replay <= Replays; replay++)
        {
            var again = Explorer.Replay(test, found.Trace, options.TestName);
            var context = $"replay {replay} of {program} ({options.Strategy} on {options.Engine}, seed {options.Seed})";
            Assert.True(found.Verdict == again.Verdict, $"{context}: {found.Verdict} replayed as {again.Verdict}.");
            Assert.True(found.Message == again.Message, $"{context}: message '{found.Message}' replayed as '{again.Message}'.");
            Assert.True(found.Account == again.Account, $"{context}: the account differs.\nFound:\n{found.Account}\nReplayed:\n{again.Account}");
        }
    }
}
