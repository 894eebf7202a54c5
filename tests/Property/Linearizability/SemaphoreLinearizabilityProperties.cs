using Interleave.Primitives;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Generated programs of 2-4 tasks acquiring, releasing (each holding at most one permit, plus extra
/// releases) and reading the count of one semaphore with 1 or 2 permits, explored under the random and the
/// prioritization strategies: in every schedule the history is linearizable against a counter of free
/// permits (a bounded semaphore refusing a release at its bound), and no schedule deadlocks.
/// </summary>
/// <remarks>
/// The bounded semaphore's programs read the count only at the end: while a release hands the permit to a
/// waiter that has not resumed, the count shows 0 (the permit is the waiter's, as documented) yet a further
/// release is refused (asyncio still counts that permit as free), so a count read in that window fits no
/// single sequential counter.
/// </remarks>
public class SemaphoreLinearizabilityProperties
{
    [ScaledProperty(40)]
    public void AsyncSemaphore_GeneratedPrograms_EveryScheduleLinearizable(byte shape, int[] codes) =>
        Check(shape, codes, bounded: false);

    [ScaledProperty(40)]
    public void AsyncBoundedSemaphore_GeneratedPrograms_EveryScheduleLinearizable(byte shape, int[] codes) =>
        Check(shape, codes, bounded: true);

    private static void Check(byte shape, int[] codes, bool bounded)
    {
        var permits = 1 + (shape / 3 % 2);
        var program = SemaphorePrograms.Generate(shape, codes ?? []);
        LinearizabilityExploration.AssertEveryScheduleLinearizable(
            bounded ? SemaphorePrograms.WithoutCountsWhileRunning(program) : program,
            () => SemaphorePrograms.Perform(bounded ? new AsyncBoundedSemaphore(permits) : new AsyncSemaphore(permits)),
            new SemaphoreSpecification(permits, bounded ? permits : null));
    }
}
