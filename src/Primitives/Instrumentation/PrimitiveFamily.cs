namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// What a <see cref="PrimitiveKind"/> is, as the harness reasons about it: who may hold it, what orders
/// tasks, what wakes a waiter. Kinds of one family behave alike (the three queues, the two semaphores).
/// </summary>
public enum PrimitiveFamily
{
    /// <summary>One holder at a time, released by anyone (asyncio <c>Lock</c>).</summary>
    Lock,

    /// <summary>A count of permits, each held until given back (asyncio <c>Semaphore</c>, <c>BoundedSemaphore</c>).</summary>
    Semaphore,

    /// <summary>A flag that wakes every waiter when set (asyncio <c>Event</c>).</summary>
    Event,

    /// <summary>Waiters woken by notifications, each re-taking a lock (asyncio <c>Condition</c>).</summary>
    Condition,

    /// <summary>Parties that wait until all have arrived (asyncio <c>Barrier</c>).</summary>
    Barrier,

    /// <summary>Items handed from putters to getters, with task-done/join and shutdown (asyncio's queues).</summary>
    Queue,

    /// <summary>A variable tasks share, checked for data races and atomicity violations (<see cref="Shared{T}"/>).</summary>
    SharedCell,

    /// <summary>Task starts, ends, yields and sleeps (<see cref="ControlledTask"/>).</summary>
    Task,

    /// <summary>
    /// A collection whose every operation is atomic and never waits (.NET's concurrent collections): each
    /// operation is ordered after the ones before it, but a sequence of them is not atomic.
    /// </summary>
    ConcurrentCollection,

    /// <summary>
    /// An atomic memory operation (<see cref="System.Threading.Interlocked"/>, <see cref="System.Threading.Volatile"/>):
    /// ordered with every other one, whatever location each touches, and never a data race.
    /// </summary>
    AtomicMemory,
}
