using System.ComponentModel;
using System.Runtime.CompilerServices;
using CoyoteTask = Microsoft.Coyote.Rewriting.Types.Threading.Tasks.Task;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="Task"/>'s static methods in rewritten code: <c>Task.Run</c> starts a task named after its
/// body's method, as <see cref="ControlledTask.Run(Func{Task}, string?)"/> does; the
/// <see cref="ReadOnlySpan{T}"/> overloads of <c>WhenAll</c>, <c>WhenAny</c> and <c>WaitAll</c> (new in
/// .NET 9, which C# picks for a list of arguments) go to Coyote's array overloads, which Coyote 1.7.11's
/// rewriting lacks, so that their tasks are controlled; <c>Task.Delay</c> is Coyote's, a step of the account.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.Tasks.Task")]
[ShimOf("System.Threading.Tasks.Task")]
public static class TaskShim
{
    /// <summary><see cref="Task.Run(Action)"/>, as a named task.</summary>
    /// <param name="action">The task's body.</param>
    /// <returns>The task.</returns>
    public static Task Run(Action action) => Run(action, CancellationToken.None);

    /// <summary><see cref="Task.Run(Action, CancellationToken)"/>, as a named task.</summary>
    /// <param name="action">The task's body.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>The task.</returns>
    public static Task Run(Action action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ControlledTask.Start(action, () =>
        {
            action();
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary><see cref="Task.Run(Func{Task})"/>, as a named task.</summary>
    /// <param name="function">The task's body.</param>
    /// <returns>The task.</returns>
    public static Task Run(Func<Task?> function) => Run(function, CancellationToken.None);

    /// <summary><see cref="Task.Run(Func{Task}, CancellationToken)"/>, as a named task.</summary>
    /// <param name="function">The task's body.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>The task.</returns>
    public static Task Run(Func<Task?> function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        return ControlledTask.Start(function, () => function() ?? Task.CompletedTask, cancellationToken);
    }

    /// <summary><see cref="Task.Run{TResult}(Func{TResult})"/>, as a named task.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The task's body.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> Run<TResult>(Func<TResult> function) => Run(function, CancellationToken.None);

    /// <summary><see cref="Task.Run{TResult}(Func{TResult}, CancellationToken)"/>, as a named task.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The task's body.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> Run<TResult>(Func<TResult> function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        return ControlledTask.Start(function, () => Task.FromResult(function()), cancellationToken);
    }

    /// <summary><see cref="Task.Run{TResult}(Func{Task{TResult}})"/>, as a named task.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The task's body.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function) => Run(function, CancellationToken.None);

    /// <summary><see cref="Task.Run{TResult}(Func{Task{TResult}}, CancellationToken)"/>, as a named task.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The task's body.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        return ControlledTask.Start(function, () => function() ?? Task.FromResult<TResult>(default!), cancellationToken);
    }

    /// <summary><c>Task.WhenAll(params ReadOnlySpan&lt;Task&gt;)</c>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <returns>A task that completes when all have.</returns>
    public static Task WhenAll(ReadOnlySpan<Task> tasks) => WhenAll(tasks.ToArray());

    /// <summary><see cref="Task.WhenAll(Task[])"/>: awaiting its task joins every task of <paramref name="tasks"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <returns>A task that completes when all have.</returns>
    public static Task WhenAll(params Task[] tasks) => StartedTasks.Combined(CoyoteTask.WhenAll(tasks), tasks);

    /// <summary><see cref="Task.WhenAll(IEnumerable{Task})"/>, enumerating <paramref name="tasks"/> once.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <returns>A task that completes when all have.</returns>
    public static Task WhenAll(IEnumerable<Task> tasks) => WhenAll(tasks?.ToArray()!);

    /// <summary><c>Task.WhenAll&lt;TResult&gt;(params ReadOnlySpan&lt;Task&lt;TResult&gt;&gt;)</c>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="tasks">The tasks.</param>
    /// <returns>A task that completes with every result when all have.</returns>
    public static Task<TResult[]> WhenAll<TResult>(ReadOnlySpan<Task<TResult>> tasks) => WhenAll(tasks.ToArray());

    /// <summary><see cref="Task.WhenAll{TResult}(Task{TResult}[])"/>: awaiting its task joins every task of <paramref name="tasks"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="tasks">The tasks.</param>
    /// <returns>A task that completes with every result when all have.</returns>
    public static Task<TResult[]> WhenAll<TResult>(params Task<TResult>[] tasks) => StartedTasks.Combined(CoyoteTask.WhenAll(tasks), tasks);

    /// <summary><see cref="Task.WhenAll{TResult}(IEnumerable{Task{TResult}})"/>, enumerating <paramref name="tasks"/> once.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="tasks">The tasks.</param>
    /// <returns>A task that completes with every result when all have.</returns>
    public static Task<TResult[]> WhenAll<TResult>(IEnumerable<Task<TResult>> tasks) => WhenAll(tasks?.ToArray()!);

    /// <summary><c>Task.WhenAny(params ReadOnlySpan&lt;Task&gt;)</c>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <returns>A task that completes with the first task to complete.</returns>
    public static Task<Task> WhenAny(ReadOnlySpan<Task> tasks) => CoyoteTask.WhenAny(tasks.ToArray());

    /// <summary><c>Task.WhenAny&lt;TResult&gt;(params ReadOnlySpan&lt;Task&lt;TResult&gt;&gt;)</c>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="tasks">The tasks.</param>
    /// <returns>A task that completes with the first task to complete.</returns>
    public static Task<Task<TResult>> WhenAny<TResult>(ReadOnlySpan<Task<TResult>> tasks) => CoyoteTask.WhenAny(tasks.ToArray());

    /// <summary><c>Task.WaitAll(params ReadOnlySpan&lt;Task&gt;)</c>: a join of every task of <paramref name="tasks"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void WaitAll(ReadOnlySpan<Task> tasks, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        WaitAll(tasks.ToArray(), callerFile, callerLine);

    /// <summary><see cref="Task.WaitAll(Task[])"/>: a join of every task of <paramref name="tasks"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void WaitAll(Task[] tasks, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteTask.WaitAll(tasks);
        StartedTasks.Joined(tasks, callerFile, callerLine);
    }

    /// <summary><see cref="Task.Wait()"/>, as Coyote's rewriting calls it: a join of <paramref name="task"/>.</summary>
    /// <param name="task">The task waited for.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Wait(Task task, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteTask.Wait(task);
        StartedTasks.Joined(task, callerFile, callerLine);
    }

    /// <summary><see cref="Task.Wait(CancellationToken)"/>, as Coyote's rewriting calls it: a join of <paramref name="task"/>.</summary>
    /// <param name="task">The task waited for.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Wait(Task task, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteTask.Wait(task, cancellationToken);
        StartedTasks.Joined(task, callerFile, callerLine);
    }

    /// <summary><see cref="Task.Delay(int)"/>, Coyote's (a delay whose end the scheduler picks), as a step of the account.</summary>
    /// <param name="millisecondsDelay">How long to wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>A task that completes after the delay.</returns>
    public static Task Delay(int millisecondsDelay, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ControlledTask.Reported(CoyoteTask.Delay(millisecondsDelay), millisecondsDelay, callerFile, callerLine);

    /// <summary><see cref="Task.Delay(int, CancellationToken)"/>, Coyote's, as a step of the account.</summary>
    /// <param name="millisecondsDelay">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>A task that completes after the delay.</returns>
    public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ControlledTask.Reported(CoyoteTask.Delay(millisecondsDelay, cancellationToken), millisecondsDelay, callerFile, callerLine);

    /// <summary><see cref="Task.Delay(TimeSpan)"/>, Coyote's, as a step of the account.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>A task that completes after the delay.</returns>
    public static Task Delay(TimeSpan delay, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ControlledTask.Reported(CoyoteTask.Delay(delay), (long)delay.TotalMilliseconds, callerFile, callerLine);

    /// <summary><see cref="Task.Delay(TimeSpan, CancellationToken)"/>, Coyote's, as a step of the account.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>A task that completes after the delay.</returns>
    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ControlledTask.Reported(CoyoteTask.Delay(delay, cancellationToken), (long)delay.TotalMilliseconds, callerFile, callerLine);
}
