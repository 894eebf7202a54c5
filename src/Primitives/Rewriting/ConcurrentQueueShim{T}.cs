using System.Collections.Concurrent;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using CoyoteConcurrent = Microsoft.Coyote.Rewriting.Types.Collections.Concurrent;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="ConcurrentQueue{T}"/> in rewritten code (asyncio <c>Queue</c>'s <c>put_nowait</c> and
/// <c>get_nowait</c>): under test each enqueue, dequeue and look is a step of the account, so that a check-then-act
/// (a <c>Count</c>, another task's <c>TryDequeue</c>, then this task's) reads as it ran. Each runs in Coyote's
/// wrapper, which makes it a scheduling point.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Collections.Concurrent.ConcurrentQueue`1")]
public static class ConcurrentQueueShim<T>
{
    /// <summary><see cref="ConcurrentQueue{T}.Enqueue(T)"/>.</summary>
    /// <param name="instance">The queue.</param>
    /// <param name="item">The item.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Enqueue(ConcurrentQueue<T> instance, T item, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteConcurrent.ConcurrentQueue<T>.Enqueue(instance, item);
        CollectionSteps.Put(instance, PrimitiveKind.ConcurrentQueue, callerFile, callerLine);
    }

    /// <summary><see cref="ConcurrentQueue{T}.TryDequeue(out T)"/>.</summary>
    /// <param name="instance">The queue.</param>
    /// <param name="result">The item taken, if any.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if the queue was empty.</returns>
    public static bool TryDequeue(ConcurrentQueue<T> instance, out T result, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        CollectionSteps.Took(instance, PrimitiveKind.ConcurrentQueue, CoyoteConcurrent.ConcurrentQueue<T>.TryDequeue(instance, out result), callerFile, callerLine);

    /// <summary><see cref="ConcurrentQueue{T}.TryPeek(out T)"/>.</summary>
    /// <param name="instance">The queue.</param>
    /// <param name="result">The item it would take next, if any.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if the queue was empty.</returns>
    public static bool TryPeek(ConcurrentQueue<T> instance, out T result, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentQueue, CoyoteConcurrent.ConcurrentQueue<T>.TryPeek(instance, out result), callerFile, callerLine);

    /// <summary><see cref="ConcurrentQueue{T}.Count"/>: a look that finds items, or none.</summary>
    /// <param name="instance">The queue.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>How many items there are.</returns>
    public static int get_Count(ConcurrentQueue<T> instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var count = CoyoteConcurrent.ConcurrentQueue<T>.get_Count(instance);
        CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentQueue, count > 0, callerFile, callerLine);
        return count;
    }

    /// <summary><see cref="ConcurrentQueue{T}.IsEmpty"/>: a look that finds items, or none.</summary>
    /// <param name="instance">The queue.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>Whether there are none.</returns>
    public static bool get_IsEmpty(ConcurrentQueue<T> instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        !CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentQueue, !CoyoteConcurrent.ConcurrentQueue<T>.get_IsEmpty(instance), callerFile, callerLine);
}
