namespace Interleave.Primitives.Queues;

/// <summary>First in, first out (asyncio <c>Queue</c>).</summary>
internal sealed class FifoStore<T> : IItemStore<T>
{
    private readonly Queue<T> _items = new();

    public int Count => _items.Count;

    public void Add(T item) => _items.Enqueue(item);

    public T Take() => _items.Dequeue();

    public void Clear() => _items.Clear();
}
