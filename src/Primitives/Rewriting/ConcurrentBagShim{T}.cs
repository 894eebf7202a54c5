using System.Collections.Concurrent;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using CoyoteConcurrent = Microsoft.Coyote.Rewriting.Types.Collections.Concurrent;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="ConcurrentBag{T}"/> in rewritten code (a <c>set</c> shared by asyncio tasks): under test each add,
/// take and look is a step of the account, so that a check-then-act (a <c>Count</c>, another task's <c>TryTake</c>,
/// then this task's) reads as it ran. Each runs in Coyote's wrapper, which makes it a scheduling point.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Collections.Concurrent.ConcurrentBag`1")]
public static class ConcurrentBagShim<T>
{
    /// <summary><see cref="ConcurrentBag{T}.Add(T)"/>.</summary>
    /// <param name="instance">The bag.</param>
    /// <param name="item">The item.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Add(ConcurrentBag<T> instance, T item, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteConcurrent.ConcurrentBag<T>.Add(instance, item);
        CollectionSteps.Put(instance, PrimitiveKind.ConcurrentBag, callerFile, callerLine);
    }

    /// <summary><see cref="ConcurrentBag{T}.TryTake(out T)"/>.</summary>
    /// <param name="instance">The bag.</param>
    /// <param name="result">The item taken, if any.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if the bag was empty.</returns>
    public static bool TryTake(ConcurrentBag<T> instance, out T result, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        CollectionSteps.Took(instance, PrimitiveKind.ConcurrentBag, CoyoteConcurrent.ConcurrentBag<T>.TryTake(instance, out result), callerFile, callerLine);

    /// <summary><see cref="ConcurrentBag{T}.TryPeek(out T)"/>.</summary>
    /// <param name="instance">The bag.</param>
    /// <param name="result">The item it would take next, if any.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if the bag was empty.</returns>
    public static bool TryPeek(ConcurrentBag<T> instance, out T result, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentBag, CoyoteConcurrent.ConcurrentBag<T>.TryPeek(instance, out result), callerFile, callerLine);

    /// <summary><see cref="ConcurrentBag{T}.Count"/>: a look that finds items, or none.</summary>
    /// <param name="instance">The bag.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>How many items there are.</returns>
    public static int get_Count(ConcurrentBag<T> instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var count = CoyoteConcurrent.ConcurrentBag<T>.get_Count(instance);
        CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentBag, count > 0, callerFile, callerLine);
        return count;
    }

    /// <summary><see cref="ConcurrentBag{T}.IsEmpty"/>: a look that finds items, or none.</summary>
    /// <param name="instance">The bag.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>Whether there are none.</returns>
    public static bool get_IsEmpty(ConcurrentBag<T> instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        !CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentBag, !CoyoteConcurrent.ConcurrentBag<T>.get_IsEmpty(instance), callerFile, callerLine);
}
