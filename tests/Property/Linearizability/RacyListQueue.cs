using Interleave.Primitives;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// A deliberately broken queue for the checker to catch: a list whose <c>TryGet</c> reads the head, yields,
/// then removes it, so two concurrent gets can both return the same item (and the next is never taken).
/// Supports only the non-waiting operations of an unbounded queue.
/// </summary>
internal sealed class RacyListQueue
{
    private readonly List<int> _items = [];

    /// <summary>How to perform a <c>TryPut</c>, <c>TryGet</c> or <c>Count</c> on a new racy queue.</summary>
    public static Func<QueueOperation, Task<string>> Create()
    {
        var queue = new RacyListQueue();
        return operation => operation.Kind switch
        {
            QueueOperationKind.TryPut => Task.FromResult(queue.TryPut(operation.Item)),
            QueueOperationKind.TryGet => queue.TryGetAsync(),
            QueueOperationKind.Count => Task.FromResult(QueueSpecification.Text(queue._items.Count)),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "The racy queue has only TryPut, TryGet and Count."),
        };
    }

    private string TryPut(int item)
    {
        _items.Add(item);
        return QueueSpecification.Accepted;
    }

    private async Task<string> TryGetAsync()
    {
        if (_items.Count == 0)
        {
            return QueueSpecification.Nothing;
        }

        var head = _items[0];
        await ControlledTask.Yield(); // the bug: another get may read the same head here
        _items.Remove(head);
        return QueueSpecification.Text(head);
    }
}
