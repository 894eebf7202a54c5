using System.ComponentModel;
using System.Runtime.CompilerServices;
using CoyoteCompilerServices = Microsoft.Coyote.Runtime.CompilerServices;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// The awaiter of an <c>await</c> on a <see cref="Task{TResult}"/> in rewritten code (Coyote's, which its rewriting
/// puts in place of .NET's): under test, awaiting the task of a <see cref="TaskCompletionSource{TResult}"/> is a step
/// of the account, a wait while the task is not complete and a resumption when its result is taken; awaiting
/// a task that <c>Task.Run</c> started is a join of it, which orders all that task did before what follows.
/// Every other await is Coyote's as it was.
/// </summary>
/// <typeparam name="TResult">The result type.</typeparam>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Runtime.CompilerServices.TaskAwaiter`1")]
public static class TaskAwaiterShim<TResult>
{
    /// <summary>The awaiter's <c>IsCompleted</c>, which an <c>await</c> asks before it suspends.</summary>
    /// <param name="awaiter">The awaiter.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>Whether the task has completed.</returns>
    public static bool get_IsCompleted(ref CoyoteCompilerServices.TaskAwaiter<TResult> awaiter, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var completed = awaiter.IsCompleted;
        if (!completed)
        {
            CompletionSourceState.Of(AwaitedTask(ref awaiter))?.Awaiting(callerFile, callerLine);
        }

        return completed;
    }

    /// <summary>The awaiter's <c>GetResult</c>, which ends an <c>await</c> (and waits first when called alone).</summary>
    /// <param name="awaiter">The awaiter.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The task's result.</returns>
    public static TResult GetResult(ref CoyoteCompilerServices.TaskAwaiter<TResult> awaiter, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var task = AwaitedTask(ref awaiter);
        var state = CompletionSourceState.TakingResult(task, callerFile, callerLine);
        try
        {
            var result = awaiter.GetResult();

            // Task.WhenAny's result is the task that ended first: having it is a join of it.
            if (result is Task first)
            {
                StartedTasks.Joined(first, callerFile, callerLine);
            }

            return result;
        }
        finally
        {
            state?.TookResult(task, callerFile, callerLine);
            StartedTasks.Joined(task, callerFile, callerLine);
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "AwaitedTask")]
    private static extern ref Task<TResult> AwaitedTask(ref CoyoteCompilerServices.TaskAwaiter<TResult> awaiter);
}
