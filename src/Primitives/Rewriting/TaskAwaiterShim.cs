using System.ComponentModel;
using System.Runtime.CompilerServices;
using CoyoteTaskAwaiter = Microsoft.Coyote.Runtime.CompilerServices.TaskAwaiter;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// The awaiter of an <c>await</c> on a <see cref="Task"/> in rewritten code (Coyote's, which its rewriting
/// puts in place of .NET's): under test, awaiting the task of a <see cref="TaskCompletionSource"/> is a step
/// of the account, a wait while the task is not complete and a resumption when its result is taken; awaiting
/// a task that <c>Task.Run</c> started is a join of it, which orders all that task did before what follows.
/// Every other await is Coyote's as it was.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Runtime.CompilerServices.TaskAwaiter")]
public static class TaskAwaiterShim
{
    /// <summary>The awaiter's <c>IsCompleted</c>, which an <c>await</c> asks before it suspends.</summary>
    /// <param name="awaiter">The awaiter.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>Whether the task has completed.</returns>
    public static bool get_IsCompleted(ref CoyoteTaskAwaiter awaiter, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
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
    public static void GetResult(ref CoyoteTaskAwaiter awaiter, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var task = AwaitedTask(ref awaiter);
        var state = CompletionSourceState.TakingResult(task, callerFile, callerLine);
        try
        {
            awaiter.GetResult();
        }
        finally
        {
            state?.TookResult(task, callerFile, callerLine);
            StartedTasks.Joined(task, callerFile, callerLine);
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "AwaitedTask")]
    private static extern ref Task AwaitedTask(ref CoyoteTaskAwaiter awaiter);
}
