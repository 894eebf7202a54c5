using System.ComponentModel;
using System.Runtime.CompilerServices;
using CoyoteCompletionSource = Microsoft.Coyote.Rewriting.Types.Threading.Tasks.TaskCompletionSource;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="TaskCompletionSource"/> in rewritten code (asyncio's <c>Future</c>): under test, each attempt
/// to complete it is a scheduling point and a step of the account (set, or refused when it was completed
/// already), and the awaits of its task are steps too (<see cref="TaskAwaiterShim"/>), with the wait-for graph and
/// happens-before edges of an event's. The completion itself is .NET's, through Coyote's wrapper.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.Tasks.TaskCompletionSource")]
public static class TaskCompletionSourceShim
{
    /// <summary><see cref="TaskCompletionSource.Task"/>, known to Coyote as a controlled task.</summary>
    /// <param name="instance">The source.</param>
    /// <returns>Its task.</returns>
    public static Task get_Task(TaskCompletionSource instance)
    {
        var task = CoyoteCompletionSource.get_Task(instance);
        _ = CompletionSourceState.For(task); // so that an await of the task, before any set, finds the source
        return task;
    }

    /// <summary><see cref="TaskCompletionSource.SetResult()"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void SetResult(TaskCompletionSource instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        CoyoteCompletionSource.SetResult(instance);
    }

    /// <summary><see cref="TaskCompletionSource.SetException(IEnumerable{Exception})"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="exceptions">The exceptions its task fails with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void SetException(TaskCompletionSource instance, IEnumerable<Exception> exceptions, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        CoyoteCompletionSource.SetException(instance, exceptions);
    }

    /// <summary><see cref="TaskCompletionSource.SetException(Exception)"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="exception">The exception its task fails with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void SetException(TaskCompletionSource instance, Exception exception, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        CoyoteCompletionSource.SetException(instance, exception);
    }

    /// <summary><see cref="TaskCompletionSource.SetCanceled()"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void SetCanceled(TaskCompletionSource instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        CoyoteCompletionSource.SetCanceled(instance);
    }

    /// <summary><see cref="TaskCompletionSource.TrySetResult()"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if it was completed already.</returns>
    public static bool TrySetResult(TaskCompletionSource instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        return CoyoteCompletionSource.TrySetResult(instance);
    }

    /// <summary><see cref="TaskCompletionSource.TrySetException(Exception)"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="exception">The exception its task fails with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if it was completed already.</returns>
    public static bool TrySetException(TaskCompletionSource instance, Exception exception, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        return CoyoteCompletionSource.TrySetException(instance, exception);
    }

    /// <summary><see cref="TaskCompletionSource.TrySetException(IEnumerable{Exception})"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="exceptions">The exceptions its task fails with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if it was completed already.</returns>
    public static bool TrySetException(TaskCompletionSource instance, IEnumerable<Exception> exceptions, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        return CoyoteCompletionSource.TrySetException(instance, exceptions);
    }

    /// <summary><see cref="TaskCompletionSource.TrySetCanceled()"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if it was completed already.</returns>
    public static bool TrySetCanceled(TaskCompletionSource instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        return CoyoteCompletionSource.TrySetCanceled(instance);
    }

    /// <summary><see cref="TaskCompletionSource.TrySetCanceled(CancellationToken)"/>.</summary>
    /// <param name="instance">The source.</param>
    /// <param name="cancellationToken">The token its task is cancelled with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if it was completed already.</returns>
    public static bool TrySetCanceled(TaskCompletionSource instance, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CompletionSourceState.Completing(instance.Task, callerFile, callerLine);
        return CoyoteCompletionSource.TrySetCanceled(instance, cancellationToken);
    }
}
