using System.Collections.Concurrent;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using CoyoteConcurrent = Microsoft.Coyote.Rewriting.Types.Collections.Concurrent;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="ConcurrentStack{T}"/> in rewritten code (asyncio <c>LifoQueue</c>'s <c>put_nowait</c> and
/// <c>get_nowait</c>): under test each push, pop and look is a step of the account, so that a check-then-act (a
/// <c>Count</c>, another task's <c>TryPop</c>, then this task's) reads as it ran. Each runs in Coyote's wrapper,
/// which makes it a scheduling point.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Collections.Concurrent.ConcurrentStack`1")]
public static class ConcurrentStackShim<T>
{
    /// <summary><see cref="ConcurrentStack{T}.Push(T)"/>.</summary>
    /// <param name="instance">The stack.</param>
    /// <param name="item">The item.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Push(ConcurrentStack<T> instance, T item, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteConcurrent.ConcurrentStack<T>.Push(instance, item);
        CollectionSteps.Put(instance, PrimitiveKind.ConcurrentStack, callerFile, callerLine);
    }

    /// <summary><see cref="ConcurrentStack{T}.TryPop(out T)"/>.</summary>
    /// <param name="instance">The stack.</param>
    /// <param name="result">The item taken, if any.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if the stack was empty.</returns>
    public static bool TryPop(ConcurrentStack<T> instance, out T result, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        CollectionSteps.Took(instance, PrimitiveKind.ConcurrentStack, CoyoteConcurrent.ConcurrentStack<T>.TryPop(instance, out result), callerFile, callerLine);

    /// <summary><see cref="ConcurrentStack{T}.TryPeek(out T)"/>.</summary>
    /// <param name="instance">The stack.</param>
    /// <param name="result">The item it would take next, if any.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if the stack was empty.</returns>
    public static bool TryPeek(ConcurrentStack<T> instance, out T result, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentStack, CoyoteConcurrent.ConcurrentStack<T>.TryPeek(instance, out result), callerFile, callerLine);

    /// <summary><see cref="ConcurrentStack{T}.Count"/>: a look that finds items, or none.</summary>
    /// <param name="instance">The stack.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>How many items there are.</returns>
    public static int get_Count(ConcurrentStack<T> instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var count = CoyoteConcurrent.ConcurrentStack<T>.get_Count(instance);
        CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentStack, count > 0, callerFile, callerLine);
        return count;
    }

    /// <summary><see cref="ConcurrentStack{T}.IsEmpty"/>: a look that finds items, or none.</summary>
    /// <param name="instance">The stack.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>Whether there are none.</returns>
    public static bool get_IsEmpty(ConcurrentStack<T> instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        !CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentStack, !CoyoteConcurrent.ConcurrentStack<T>.get_IsEmpty(instance), callerFile, callerLine);
}
