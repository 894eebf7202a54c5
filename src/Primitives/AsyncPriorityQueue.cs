using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Queues;

namespace Interleave.Primitives;

/// <summary>
/// A queue that gives out the smallest item first: the C# form of asyncio's <c>PriorityQueue</c>.
/// Items that compare equal come out in the order they were put. Everything else (waiting, fairness
/// among waiters, task-done/join, shutdown) is as <see cref="AsyncQueue{T}"/>.
/// </summary>
/// <typeparam name="T">The item type; for (priority, payload) pairs use a tuple, as in asyncio.</typeparam>
public sealed class AsyncPriorityQueue<T> : AsyncQueue<T>
{
    private static int _instances;

    /// <summary>Creates a priority queue.</summary>
    /// <param name="maxSize">The most items it holds; 0 (the default) for no limit.</param>
    /// <param name="comparer">Orders the items, smallest first; defaults to <see cref="Comparer{T}.Default"/>.</param>
    /// <param name="name">A name for traces and diagnostics; defaults to "AsyncPriorityQueue#n".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSize"/> is negative.</exception>
    public AsyncPriorityQueue(int maxSize = 0, IComparer<T>? comparer = null, string? name = null)
        : base(maxSize, new PriorityStore<T>(comparer), PrimitiveKind.AsyncPriorityQueue, name, ref _instances)
    {
    }
}
