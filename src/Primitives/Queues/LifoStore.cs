namespace Interleave.Primitives.Queues;

/// <summary>Last in, first out (asyncio <c>LifoQueue</c>).</summary>
internal sealed class LifoStore<T> : IItemStore<T>
{
    private readonly Stack<T> _items = new();

    public int Count => _items.Count;

    public void Add(T item) => _items.Push(item);

    public T Take() => _items.Pop();

    public void Clear() => _items.Clear();
}
