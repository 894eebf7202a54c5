namespace Interleave.Primitives.Instrumentation;

/// <summary>The public operation of a primitive that an <see cref="PrimitiveEvent"/> reports.</summary>
public enum PrimitiveOperation
{
    /// <summary>Acquire of a lock, semaphore or condition (asyncio <c>acquire()</c>).</summary>
    Acquire,

    /// <summary>Release of a lock, semaphore or condition (asyncio <c>release()</c>).</summary>
    Release,

    /// <summary>Event set (asyncio <c>Event.set()</c>).</summary>
    Set,

    /// <summary>Event clear (asyncio <c>Event.clear()</c>).</summary>
    Clear,

    /// <summary>Wait on an event, condition or barrier (asyncio <c>wait()</c>).</summary>
    Wait,

    /// <summary>Condition notify of one or more waiters (asyncio <c>notify(n)</c>/<c>notify_all()</c>).</summary>
    Notify,

    /// <summary>Barrier reset (asyncio <c>Barrier.reset()</c>).</summary>
    Reset,

    /// <summary>Barrier abort (asyncio <c>Barrier.abort()</c>).</summary>
    Abort,

    /// <summary>Queue put, waiting or not (asyncio <c>put()</c>/<c>put_nowait()</c>).</summary>
    Put,

    /// <summary>Queue get, waiting or not (asyncio <c>get()</c>/<c>get_nowait()</c>).</summary>
    Get,

    /// <summary>Queue task done (asyncio <c>task_done()</c>).</summary>
    TaskDone,

    /// <summary>Queue join (asyncio <c>join()</c>).</summary>
    Join,

    /// <summary>Queue shutdown (asyncio <c>shutdown(immediate)</c>).</summary>
    Shutdown,

    /// <summary>A task starts another with <see cref="ControlledTask.Run(Func{Task}, string?)"/> (asyncio <c>create_task</c>); the new task is the counterpart.</summary>
    Spawn,

    /// <summary>A task started with <see cref="ControlledTask"/> ends, normally or with an exception.</summary>
    Finish,

    /// <summary>A task yields with <see cref="ControlledTask.Yield"/> (asyncio <c>sleep(0)</c>).</summary>
    Yield,

    /// <summary>A task sleeps with <see cref="ControlledTask.Delay"/> (asyncio <c>sleep</c>); the value is the delay in milliseconds.</summary>
    Delay,

    /// <summary>A task reads a <see cref="Shared{T}"/> cell.</summary>
    Read,

    /// <summary>A task writes a <see cref="Shared{T}"/> cell.</summary>
    Write,

    /// <summary>
    /// A task looks into a concurrent collection without changing it (<c>ContainsKey</c>, <c>TryGetValue</c>,
    /// <c>TryPeek</c>, <c>Count</c>): completed when it found what it looked for, refused when not.
    /// </summary>
    Lookup,

    /// <summary>
    /// A task changes the entries of a concurrent dictionary (<c>TryAdd</c>, the indexer, <c>AddOrUpdate</c>,
    /// <c>TryRemove</c>): completed when it changed them, refused when the key's state forbade it.
    /// </summary>
    Update,
}
