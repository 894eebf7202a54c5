namespace Interleave.Primitives.Queues;

/// <summary>Where a queue keeps its items; the order of <see cref="Take"/> is what makes it FIFO, LIFO or priority.</summary>
internal interface IItemStore<T>
{
    int Count { get; }

    void Add(T item);

    T Take();

    void Clear();
}
