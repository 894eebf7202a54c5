using FsCheck;
using Interleave.Primitives;
using Xunit;

namespace Interleave.Tests.Property;

/// <summary>
/// Any sequence of non-waiting puts and gets on a bounded queue behaves as a simple list model of
/// asyncio's queues: FIFO, LIFO, or smallest-priority-first with FIFO among equal priorities.
/// </summary>
public class QueueModelProperties
{
    // Items carry a priority and the order they were put; the comparer sees only the priority, so the
    // model can tell whether equal priorities come out first-in, first-out.
    private static readonly IComparer<(int Priority, int Order)> ByPriority =
        Comparer<(int Priority, int Order)>.Create((x, y) => x.Priority.CompareTo(y.Priority));

    [ScaledProperty(300)]
    public void AsyncQueue_AnyPutGetSequence_MatchesFifoModel(PositiveInt capacity, int[] operations) =>
        CheckAgainstModel(new AsyncQueue<(int, int)>(capacity.Get), capacity.Get, operations, _ => 0);

    [ScaledProperty(300)]
    public void AsyncLifoQueue_AnyPutGetSequence_MatchesLifoModel(PositiveInt capacity, int[] operations) =>
        CheckAgainstModel(new AsyncLifoQueue<(int, int)>(capacity.Get), capacity.Get, operations, model => model.Count - 1);

    [ScaledProperty(300)]
    public void AsyncPriorityQueue_AnyPutGetSequence_MatchesStablePriorityModel(PositiveInt capacity, int[] operations) =>
        CheckAgainstModel(new AsyncPriorityQueue<(int, int)>(capacity.Get, ByPriority), capacity.Get, operations, model =>
        {
            var best = 0;
            for (var i = 1; i < model.Count; i++)
            {
                if (model[i].Priority < model[best].Priority)
                {
                    best = i; // strictly smaller only: among equals the earliest put wins
                }
            }

            return best;
        });

    /// <summary>
    /// Operation k is a put of priority (k mod 5) when k is at least 0, else a get; after each one the
    /// queue's answer, item and count must equal the model's.
    /// </summary>
    private static void CheckAgainstModel(
        AsyncQueue<(int Priority, int Order)> queue,
        int capacity,
        int[] operations,
        Func<List<(int Priority, int Order)>, int> nextIndex)
    {
        var model = new List<(int Priority, int Order)>();
        for (var order = 0; order < operations.Length; order++)
        {
            var operation = operations[order];
            if (operation >= 0)
            {
                var item = (operation % 5, order);
                var accepted = queue.TryPut(item);
                Assert.Equal(model.Count < capacity, accepted);
                if (accepted)
                {
                    model.Add(item);
                }
            }
            else
            {
                var taken = queue.TryGet(out var item);
                Assert.Equal(model.Count > 0, taken);
                if (taken)
                {
                    var index = nextIndex(model);
                    Assert.Equal(model[index], item);
                    model.RemoveAt(index);
                }
            }

            Assert.Equal(model.Count, queue.Count);
            Assert.Equal(model.Count >= capacity, queue.IsFull);
        }
    }
}
