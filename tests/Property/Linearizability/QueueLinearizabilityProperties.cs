using Interleave.Primitives;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Generated programs of 2-4 tasks doing <c>PutAsync</c>, <c>TryPut</c>, <c>GetAsync</c>, <c>TryGet</c> and
/// <c>Count</c> on one queue (unbounded, or of capacity 1 or 2), explored under the random and the
/// prioritization strategies: in every schedule the history of calls and returns is linearizable against
/// the sequential FIFO, LIFO or stable-priority model, and no schedule deadlocks (the programs cannot, on a
/// correct queue).
/// </summary>
public class QueueLinearizabilityProperties
{
    private static readonly IComparer<int> ByPriority =
        Comparer<int>.Create((x, y) => QueueSpecification.PriorityOf(x).CompareTo(QueueSpecification.PriorityOf(y)));

    [ScaledProperty(40)]
    public void AsyncQueue_GeneratedPrograms_EveryScheduleLinearizableAsFifo(byte shape, int[] codes) =>
        Check(shape, codes, QueueDiscipline.Fifo, capacity => new AsyncQueue<int>(capacity));

    [ScaledProperty(40)]
    public void AsyncLifoQueue_GeneratedPrograms_EveryScheduleLinearizableAsLifo(byte shape, int[] codes) =>
        Check(shape, codes, QueueDiscipline.Lifo, capacity => new AsyncLifoQueue<int>(capacity));

    [ScaledProperty(40)]
    public void AsyncPriorityQueue_GeneratedPrograms_EveryScheduleLinearizableAsStablePriority(byte shape, int[] codes) =>
        Check(shape, codes, QueueDiscipline.Priority, capacity => new AsyncPriorityQueue<int>(capacity, ByPriority));

    private static void Check(byte shape, int[] codes, QueueDiscipline discipline, Func<int, AsyncQueue<int>> createQueue)
    {
        var capacity = shape / 3 % 3; // 0 (unbounded), 1 or 2
        var specification = new QueueSpecification(capacity, discipline);
        LinearizabilityExploration.AssertEveryScheduleLinearizable(
            QueuePrograms.Generate(shape, codes ?? [], specification),
            () => QueuePrograms.Perform(createQueue(capacity)),
            specification);
    }
}
