namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// Which type of primitive a <see cref="PrimitiveEvent"/> comes from: one member per Interleave type that
/// reports operations, named after it. What the kind is (a lock, permits, a signal, a queue, ...) and its
/// noun in accounts are <see cref="PrimitiveKinds.Family"/> and <see cref="PrimitiveKinds.Noun"/>.
/// </summary>
public enum PrimitiveKind
{
    /// <summary><see cref="Primitives.AsyncLock"/> (asyncio <c>Lock</c>), and the lock under an <see cref="Primitives.AsyncCondition"/>.</summary>
    AsyncLock,

    /// <summary><see cref="Primitives.AsyncSemaphore"/> (asyncio <c>Semaphore</c>).</summary>
    AsyncSemaphore,

    /// <summary><see cref="Primitives.AsyncBoundedSemaphore"/> (asyncio <c>BoundedSemaphore</c>).</summary>
    AsyncBoundedSemaphore,

    /// <summary><see cref="Primitives.AsyncEvent"/> (asyncio <c>Event</c>).</summary>
    AsyncEvent,

    /// <summary><see cref="Primitives.AsyncCondition"/>'s waits and notifications (asyncio <c>Condition</c>).</summary>
    AsyncCondition,

    /// <summary><see cref="Primitives.AsyncBarrier"/> (asyncio <c>Barrier</c>).</summary>
    AsyncBarrier,

    /// <summary><see cref="AsyncQueue{T}"/> (asyncio <c>Queue</c>).</summary>
    AsyncQueue,

    /// <summary><see cref="AsyncLifoQueue{T}"/> (asyncio <c>LifoQueue</c>).</summary>
    AsyncLifoQueue,

    /// <summary><see cref="AsyncPriorityQueue{T}"/> (asyncio <c>PriorityQueue</c>).</summary>
    AsyncPriorityQueue,

    /// <summary>A <see cref="Shared{T}"/> cell: a variable tasks share (asyncio has none; its tasks share plain variables).</summary>
    Shared,

    /// <summary>The tasks themselves: <see cref="ControlledTask"/>'s start, end, yield and delay (asyncio <c>create_task</c>, <c>sleep</c>).</summary>
    ControlledTask,

    /// <summary>
    /// .NET's <c>lock</c> statement and <see cref="System.Threading.Monitor"/> (enter, exit, wait, pulse) in code
    /// rewritten by <c>interleave test --rewrite</c> (asyncio has none: its <c>Lock</c> and <c>Condition</c> are
    /// <see cref="AsyncLock"/> and <see cref="AsyncCondition"/>).
    /// </summary>
    Monitor,

    /// <summary>
    /// .NET's <see cref="System.Threading.SemaphoreSlim"/> (wait, release) in code rewritten by
    /// <c>interleave test --rewrite</c> (asyncio <c>Semaphore</c>, whose Interleave type is <see cref="AsyncSemaphore"/>).
    /// </summary>
    SemaphoreSlim,

    /// <summary>
    /// .NET's <see cref="System.Threading.Tasks.TaskCompletionSource"/> and its generic twin (set, awaited) in
    /// code rewritten by <c>interleave test --rewrite</c> (asyncio's <c>Future</c>; a one-shot
    /// <see cref="AsyncEvent"/>).
    /// </summary>
    TaskCompletionSource,

    /// <summary>
    /// .NET's <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> in code rewritten by
    /// <c>interleave test --rewrite</c> (asyncio has none: its tasks share a plain <c>dict</c>).
    /// </summary>
    ConcurrentDictionary,

    /// <summary>
    /// .NET's <see cref="System.Collections.Concurrent.ConcurrentQueue{T}"/> in code rewritten by
    /// <c>interleave test --rewrite</c> (asyncio <c>Queue</c>'s <c>put_nowait</c>/<c>get_nowait</c>; <see cref="AsyncQueue{T}"/>).
    /// </summary>
    ConcurrentQueue,

    /// <summary>
    /// .NET's <see cref="System.Collections.Concurrent.ConcurrentStack{T}"/> in code rewritten by
    /// <c>interleave test --rewrite</c> (asyncio <c>LifoQueue</c>'s <c>put_nowait</c>/<c>get_nowait</c>; <see cref="AsyncLifoQueue{T}"/>).
    /// </summary>
    ConcurrentStack,

    /// <summary>
    /// .NET's <see cref="System.Collections.Concurrent.ConcurrentBag{T}"/> in code rewritten by
    /// <c>interleave test --rewrite</c> (asyncio has none).
    /// </summary>
    ConcurrentBag,

    /// <summary>
    /// A plain field of a class in code rewritten by <c>interleave test --rewrite --observe-fields</c> (asyncio's
    /// tasks share plain variables too; Interleave's checked variable is <see cref="Shared{T}"/>).
    /// </summary>
    Field,

    /// <summary>
    /// A <c>volatile</c> field in code rewritten by <c>interleave test --rewrite --observe-fields</c>: its
    /// accesses are never a data race, and a write is seen by every later read, as .NET's memory model says.
    /// </summary>
    VolatileField,

    /// <summary>
    /// An element of an array in code rewritten by <c>interleave test --rewrite --observe-fields</c>, checked for
    /// data races element by element (asyncio's tasks share plain lists too).
    /// </summary>
    ArrayElement,

    /// <summary>
    /// .NET's <see cref="System.Threading.Interlocked"/> operations in code rewritten by <c>interleave test --rewrite</c>
    /// (asyncio needs none: its tasks switch only at an <c>await</c>).
    /// </summary>
    Interlocked,

    /// <summary>
    /// .NET's <see cref="System.Threading.Volatile"/> reads and writes in code rewritten by <c>interleave test --rewrite</c>
    /// (asyncio needs none: its tasks switch only at an <c>await</c>).
    /// </summary>
    Volatile,

    /// <summary>
    /// .NET's <see cref="System.Threading.AutoResetEvent"/> (and an <see cref="System.Threading.EventWaitHandle"/>
    /// that resets itself) in code rewritten by <c>interleave test --rewrite</c>: a set wakes one waiter
    /// (asyncio has none; its nearest is a <c>Semaphore</c> of one that never exceeds one).
    /// </summary>
    AutoResetEvent,

    /// <summary>
    /// .NET's <see cref="System.Threading.ManualResetEvent"/> (and an <see cref="System.Threading.EventWaitHandle"/>
    /// reset by hand) in code rewritten by <c>interleave test --rewrite</c> (asyncio <c>Event</c>, whose Interleave
    /// type is <see cref="AsyncEvent"/>).
    /// </summary>
    ManualResetEvent,

    /// <summary>
    /// .NET's <see cref="System.Threading.ManualResetEventSlim"/> in code rewritten by <c>interleave test --rewrite</c>
    /// (asyncio <c>Event</c>, whose Interleave type is <see cref="AsyncEvent"/>).
    /// </summary>
    ManualResetEventSlim,
}
