using System.ComponentModel;
using System.Runtime.CompilerServices;
using CoyoteTasks = Microsoft.Coyote.Rewriting.Types.Threading.Tasks;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="Task{TResult}"/>'s members in rewritten code that Coyote's rewriting routes to its static
/// wrapper: reading <see cref="Task{TResult}.Result"/> of a task that <c>Task.Run</c> started is a join of it.
/// </summary>
/// <typeparam name="TResult">The task's result type.</typeparam>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.Tasks.Task`1")]
public static class TaskShim<TResult>
{
    /// <summary><see cref="Task{TResult}.Result"/>, which waits for the task first.</summary>
    /// <param name="task">The task.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The task's result.</returns>
    public static TResult get_Result(Task<TResult> task, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        try
        {
            return CoyoteTasks.Task<TResult>.get_Result(task);
        }
        finally
        {
            StartedTasks.Joined(task, callerFile, callerLine);
        }
    }
}
