using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Queues;

namespace Interleave.Primitives;

/// <summary>
/// A last-in, first-out queue (a stack) between tasks: the C# form of asyncio's <c>LifoQueue</c>.
/// Everything else (waiting, fairness among waiters, task-done/join, shutdown) is as <see cref="AsyncQueue{T}"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class AsyncLifoQueue<T> : AsyncQueue<T>
{
    private static int _instances;

    /// <summary>Creates a LIFO queue.</summary>
    /// <param name="maxSize">The most items it holds; 0 (the default) for no limit.</param>
    /// <param name="name">A name for traces and diagnostics; defaults to "AsyncLifoQueue#n".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSize"/> is negative.</exception>
    public AsyncLifoQueue(int maxSize = 0, string? name = null)
        : base(maxSize, new LifoStore<T>(), PrimitiveKind.AsyncLifoQueue, name, ref _instances)
    {
    }
}
