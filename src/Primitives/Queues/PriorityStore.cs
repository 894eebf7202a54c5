using Interleave.Primitives.Testing;

namespace Interleave.Primitives.Queues;

/// <summary>
/// Smallest first by the comparer, and first in, first out among equal items (asyncio
/// <c>PriorityQueue</c>, whose heap of <c>(priority, count, item)</c> entries does the same).
/// </summary>
internal sealed class PriorityStore<T> : IItemStore<T>
{
    private readonly PriorityQueue<T, Entry> _items;
    private long _sequence;

    internal PriorityStore(IComparer<T>? comparer) =>
        _items = new PriorityQueue<T, Entry>(new EntryComparer(comparer ?? Comparer<T>.Default));

    public int Count => _items.Count;

    public void Add(T item) => _items.Enqueue(item, new Entry(item, _sequence++));

    public T Take() => _items.Dequeue();

    public void Clear() => _items.Clear();

    private readonly record struct Entry(T Item, long Sequence);

    private sealed class EntryComparer(IComparer<T> items) : IComparer<Entry>
    {
        public int Compare(Entry x, Entry y)
        {
            var byItem = items.Compare(x.Item, y.Item);
            return byItem != 0 ? byItem : Mutation.Is(Mutant.PriorityEqualsNewestFirst) ? y.Sequence.CompareTo(x.Sequence) : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
