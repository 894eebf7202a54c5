using Interleave.Primitives;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Generated programs of 2-4 tasks acquiring, releasing (each holding at most one permit, plus extra
/// releases) and reading the count of one semaphore with 1 or 2 permits, explored under the random and the
/// prioritization strategies: in every schedule the history is linearizable against a counter of free
/// permits (a bounded semaphore refusing a release at its bound), and no schedule deadlocks.
/// </summary>
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
        LinearizabilityExploration.AssertEveryScheduleLinearizable(
            SemaphorePrograms.Generate(shape, codes ?? []),
            () => SemaphorePrograms.Perform(bounded ? new AsyncBoundedSemaphore(permits) : new AsyncSemaphore(permits)),
            new SemaphoreSpecification(permits, bounded ? permits : null));
    }
}
