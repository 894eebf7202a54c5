using System.ComponentModel;
using System.Runtime.CompilerServices;
using CoyoteTasks = Microsoft.Coyote.Rewriting.Types.Threading.Tasks;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="TaskCompletionSource{TResult}"/> in rewritten code (asyncio's <c>Future</c>): under test, each attempt
/// to complete it is a scheduling point and a step of the account (set, or refused when it was completed
/// already), and the awaits of its task are steps too (<see cref="TaskAwaiterShim{TResult}"/>), with the wait-for graph and
/// happens-before edges of an event's. The completion itself is .NET's, through Coyote's wrapper.
/// </summary>
/// <typeparam name="TResult">The result type.</typeparam>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.Tasks.TaskCompletionSource`1")]
public static class TaskCompletionSourceShim<TResult>
{
    /// <summary><see cref="TaskCompletionSource{TResult}.Task"/>, known to Coyote as a controlled task.</summary>
    /// <param name="instance">The source.</param>
    /// <returns>Its task.</returns>
    public static Task<TResult> get_Task(TaskCompletionSource<TResult> instance)
    {
        var task = CoyoteTasks.TaskCompletionSource<TResult>.get_Task(instance);
        _ = CompletionSourceState.For(task); // so that an await of the task, before any set, finds the source
        return task;
    }

    /// <summary><see cref="TaskCompletionSource{TResult}.SetResult(TResult)"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="result">The result.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void SetResult(TaskCompletionSource<TResult> instance, TResult result, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        CoyoteTasks.TaskCompletionSource<TResult>.SetResult(instance, result);
    }

    /// <summary><see cref="TaskCompletionSource{TResult}.SetException(IEnumerable{Exception})"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="exceptions">The exceptions its task fails with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void SetException(TaskCompletionSource<TResult> instance, IEnumerable<Exception> exceptions, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        CoyoteTasks.TaskCompletionSource<TResult>.SetException(instance, exceptions);
    }

    /// <summary><see cref="TaskCompletionSource{TResult}.SetException(Exception)"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="exception">The exception its task fails with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void SetException(TaskCompletionSource<TResult> instance, Exception exception, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        CoyoteTasks.TaskCompletionSource<TResult>.SetException(instance, exception);
    }

    /// <summary><see cref="TaskCompletionSource{TResult}.SetCanceled()"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void SetCanceled(TaskCompletionSource<TResult> instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        CoyoteTasks.TaskCompletionSource<TResult>.SetCanceled(instance);
    }

    /// <summary><see cref="TaskCompletionSource{TResult}.TrySetResult(TResult)"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="result">The result.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if it was completed already.</returns>
    public static bool TrySetResult(TaskCompletionSource<TResult> instance, TResult result, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        return CoyoteTasks.TaskCompletionSource<TResult>.TrySetResult(instance, result);
    }

    /// <summary><see cref="TaskCompletionSource{TResult}.TrySetException(Exception)"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="exception">The exception its task fails with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if it was completed already.</returns>
    public static bool TrySetException(TaskCompletionSource<TResult> instance, Exception exception, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        return CoyoteTasks.TaskCompletionSource<TResult>.TrySetException(instance, exception);
    }

    /// <summary><see cref="TaskCompletionSource{TResult}.TrySetException(IEnumerable{Exception})"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="exceptions">The exceptions its task fails with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if it was completed already.</returns>
    public static bool TrySetException(TaskCompletionSource<TResult> instance, IEnumerable<Exception> exceptions, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        return CoyoteTasks.TaskCompletionSource<TResult>.TrySetException(instance, exceptions);
    }

    /// <summary><see cref="TaskCompletionSource{TResult}.TrySetCanceled()"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if it was completed already.</returns>
    public static bool TrySetCanceled(TaskCompletionSource<TResult> instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        return CoyoteTasks.TaskCompletionSource<TResult>.TrySetCanceled(instance);
    }

    /// <summary><see cref="TaskCompletionSource{TResult}.TrySetCanceled(CancellationToken)"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="cancellationToken">The token its task is cancelled with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if it was completed already.</returns>
    public static bool TrySetCanceled(TaskCompletionSource<TResult> instance, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        return CoyoteTasks.TaskCompletionSource<TResult>.TrySetCanceled(instance, cancellationToken);
    }
}
