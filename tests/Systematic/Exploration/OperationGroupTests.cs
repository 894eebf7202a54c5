using Interleave.Harness;
using Microsoft.Coyote.Specifications;
using Xunit.Abstractions;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// A race that needs one preemption at one particular point among ~30 yields per task: the kind of bug
/// the prioritization strategy (PCT) finds quickly, but only when every task has its own Coyote
/// operation group, which <see cref="ControlledTask.Run(Func{Task}, string?)"/> gives it.
/// </summary>
public class OperationGroupTests(ITestOutputHelper output)
{
    private const int Yields = 30;
    private const int Seeds = 10;
    // PCT's budget, the same on both sides of its claim; the side that finds no bug runs all of it.
    private const int Budget = 400;

    [Fact]
    public void DeepRace_PrioritizationWithControlledTasks_FoundForAtLeast8Of10Seeds()
    {
        var found = CountSeedsThatFindTheRace(body => ControlledTask.Run(body), Seeds);

        Assert.True(found >= 8, $"PCT found the race for only {found} of {Seeds} seeds within {Budget} iterations.");
    }

    [Fact]
    public void DeepRace_PrioritizationWithSharedOperationGroup_FoundFarLessOften()
    {
        // The other side of the claim: tasks spawned onto the current synchronization context share the
        // root's operation group, and PCT degrades. Fewer seeds keep this (slow, bug-free) side cheap.
        const int sharedSeeds = 3;
        var found = CountSeedsThatFindTheRace(SpawnInSharedGroup, sharedSeeds);

        Assert.True(found <= 1, $"With one shared operation group PCT still found the race for {found} of {sharedSeeds} seeds.");
    }

    private int CountSeedsThatFindTheRace(Func<Func<Task>, Task> spawn, int seeds)
    {
        var found = 0;
        for (uint seed = 0; seed < seeds; seed++)
        {
            var options = new ExplorationOptions
            {
                Iterations = Budget,
                Strategy = ExplorationStrategy.Prioritization,
                Seed = 1 + (seed * 100_003),
            };
            var report = Explorer.Run(() => DeepRaceAsync(spawn), options);
            output.WriteLine($"seed {options.Seed}: {report}");
            if (report.Verdict == Verdict.AssertionFailure)
            {
                found++;
            }
        }

        return found;
    }

    private static Task SpawnInSharedGroup(Func<Task> body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.FromCurrentSynchronizationContext()).Unwrap();

    // The writer exposes a half-done state for one step, half way through its 30 steps. The reader, on
    // seeing it, works 30 steps and then expects the writer to have finished the update meanwhile. It
    // fails only if the writer is preempted at exactly that step and starved for 30 steps: random
    // search almost never does that (about 2^-30), PCT does with one well-placed priority change.
    internal static async Task DeepRaceAsync(Func<Func<Task>, Task> spawn, bool exposesHalfDone = true)
    {
        var halfDone = false;
        var writer = spawn(async () =>
        {
            for (var i = 0; i < Yields; i++)
            {
                await ControlledTask.Yield();
                if (i == Yields / 2)
                {
                    halfDone = true;
                    if (exposesHalfDone)
                    {
                        await ControlledTask.Yield();
                    }

                    halfDone = false;
                }
            }
        });
        var reader = spawn(async () =>
        {
            for (var i = 0; i < 2 * Yields; i++)
            {
                await ControlledTask.Yield();
                if (halfDone)
                {
                    for (var j = 0; j < Yields; j++)
                    {
                        await ControlledTask.Yield();
                    }

                    Specification.Assert(!halfDone, "The writer was preempted mid-update for 30 steps.");
                    return;
                }
            }
        });
        await Task.WhenAll(writer, reader);
    }
}
