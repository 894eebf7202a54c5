namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// What each <see cref="PrimitiveKind"/> is. Adding a primitive adds a kind, and the compiler then points
/// here: both switches name every kind, with no default arm, so one left out is a compile error (CS8509).
/// </summary>
public static class PrimitiveKinds
{
    /// <summary>The family of <paramref name="kind"/>: what consumers switch on.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its family.</returns>
    public static PrimitiveFamily Family(this PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.AsyncLock or PrimitiveKind.Monitor => PrimitiveFamily.Lock,
        PrimitiveKind.AsyncSemaphore or PrimitiveKind.AsyncBoundedSemaphore or PrimitiveKind.SemaphoreSlim => PrimitiveFamily.Semaphore,
        PrimitiveKind.AsyncEvent or PrimitiveKind.TaskCompletionSource or PrimitiveKind.AutoResetEvent
            or PrimitiveKind.ManualResetEvent or PrimitiveKind.ManualResetEventSlim => PrimitiveFamily.Event,
        PrimitiveKind.AsyncCondition => PrimitiveFamily.Condition,
        PrimitiveKind.AsyncBarrier => PrimitiveFamily.Barrier,
        PrimitiveKind.AsyncQueue or PrimitiveKind.AsyncLifoQueue or PrimitiveKind.AsyncPriorityQueue => PrimitiveFamily.Queue,
        PrimitiveKind.Shared or PrimitiveKind.Field or PrimitiveKind.VolatileField or PrimitiveKind.ArrayElement => PrimitiveFamily.SharedCell,
        PrimitiveKind.Interlocked or PrimitiveKind.Volatile => PrimitiveFamily.AtomicMemory,
        PrimitiveKind.ControlledTask => PrimitiveFamily.Task,
        PrimitiveKind.ConcurrentDictionary or PrimitiveKind.ConcurrentQueue or PrimitiveKind.ConcurrentStack
            or PrimitiveKind.ConcurrentBag => PrimitiveFamily.ConcurrentCollection,
    };

    /// <summary>The noun accounts name a primitive of <paramref name="kind"/> by: "lock" in "lock 'account'".</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The noun, in lower case.</returns>
    public static string Noun(this PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.AsyncLock => "lock",
        PrimitiveKind.AsyncSemaphore => "semaphore",
        PrimitiveKind.AsyncBoundedSemaphore => "bounded semaphore",
        PrimitiveKind.AsyncEvent => "event",
        PrimitiveKind.AsyncCondition => "condition",
        PrimitiveKind.AsyncBarrier => "barrier",
        PrimitiveKind.AsyncQueue => "queue",
        PrimitiveKind.AsyncLifoQueue => "LIFO queue",
        PrimitiveKind.AsyncPriorityQueue => "priority queue",
        PrimitiveKind.Shared => "shared",
        PrimitiveKind.ControlledTask => "task",
        PrimitiveKind.Monitor => "lock",
        PrimitiveKind.SemaphoreSlim => "semaphore",
        PrimitiveKind.TaskCompletionSource => "task completion source",
        PrimitiveKind.ConcurrentDictionary => "concurrent dictionary",
        PrimitiveKind.ConcurrentQueue => "concurrent queue",
        PrimitiveKind.ConcurrentStack => "concurrent stack",
        PrimitiveKind.ConcurrentBag => "concurrent bag",
        PrimitiveKind.Field => "field",
        PrimitiveKind.VolatileField => "volatile field",
        PrimitiveKind.ArrayElement => "element",
        PrimitiveKind.Interlocked => "interlocked",
        PrimitiveKind.Volatile => "volatile",
        PrimitiveKind.AutoResetEvent => "auto-reset event",
        PrimitiveKind.ManualResetEvent or PrimitiveKind.ManualResetEventSlim => "manual-reset event",
    };
}
