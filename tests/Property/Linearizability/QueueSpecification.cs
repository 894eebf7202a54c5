using System.Collections.Immutable;
using System.Globalization;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// The sequential model of asyncio's queues: puts wait while full, gets while empty, the non-waiting forms
/// answer "full" and "empty" instead, and which item a get takes depends on the discipline.
/// </summary>
/// <param name="capacity">The most items the queue holds; 0 for no limit.</param>
/// <param name="discipline">Which item a get takes.</param>
internal sealed class QueueSpecification(int capacity, QueueDiscipline discipline)
    : ISequentialSpecification<QueueContents, QueueOperation, string>
{
    /// <summary>The result of a put that put its item.</summary>
    public const string Accepted = "ok";

    /// <summary>The result of a <c>TryPut</c> on a full queue.</summary>
    public const string Refused = "full";

    /// <summary>The result of a <c>TryGet</c> on an empty queue.</summary>
    public const string Nothing = "empty";

    /// <inheritdoc/>
    public QueueContents InitialState => QueueContents.Empty;

    /// <summary>The priority of an item, as the priority queue under test is told to compare items.</summary>
    public static int PriorityOf(int item) => item % 3;

    /// <summary>How a result shows an item or a count.</summary>
    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public (QueueContents State, string Result)? Apply(QueueContents state, QueueOperation operation)
    {
        var items = state.Items;
        var full = capacity > 0 && items.Count >= capacity;
        return operation.Kind switch
        {
            QueueOperationKind.Put when full => null,
            QueueOperationKind.TryPut when full => (state, Refused),
            QueueOperationKind.Put or QueueOperationKind.TryPut => (new QueueContents(items.Add(operation.Item)), Accepted),
            QueueOperationKind.Get when items.IsEmpty => null,
            QueueOperationKind.TryGet when items.IsEmpty => (state, Nothing),
            QueueOperationKind.Get or QueueOperationKind.TryGet => Take(items, NextIndex(items)),
            _ => (state, Text(items.Count)),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => $"{discipline} queue, {(capacity == 0 ? "unbounded" : $"capacity {capacity}")}";

    private static (QueueContents State, string Result) Take(ImmutableList<int> items, int index) =>
        (new QueueContents(items.RemoveAt(index)), Text(items[index]));

    private int NextIndex(ImmutableList<int> items)
    {
        switch (discipline)
        {
            case QueueDiscipline.Fifo:
                return 0;
            case QueueDiscipline.Lifo:
                return items.Count - 1;
            default:
                var best = 0;
                for (var i = 1; i < items.Count; i++)
                {
                    if (PriorityOf(items[i]) < PriorityOf(items[best]))
                    {
                        best = i; // strictly smaller only: among equal priorities the oldest wins
                    }
                }

                return best;
        }
    }
}
