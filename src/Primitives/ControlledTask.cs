using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Time;

namespace Interleave.Primitives;

/// <summary>
/// Starts, delays and yields tasks so that Coyote's systematic scheduler controls them, without binary
/// rewriting; outside a test these are plain <see cref="Task.Run(Func{Task})"/>, <see cref="Task.Delay(TimeSpan)"/>
/// and <see cref="Task.Yield"/>. The asyncio equivalents are <c>asyncio.create_task</c>,
/// <c>asyncio.sleep</c> and <c>asyncio.sleep(0)</c>.
/// </summary>
/// <remarks>
/// Under test every task started here gets its own Coyote operation group, which priority-based
/// strategies (PCT, delay bounding) need: tasks that share one group degrade them to random search.
/// </remarks>
public static class ControlledTask
{
    private static readonly AsyncLocal<TaskIdentity?> CurrentTask = new();
    private static readonly PrimitiveName Tasks = new(PrimitiveKind.ControlledTask, "task");
    private static int _lastTaskId;

    /// <summary>
    /// Time for code under test: the system clock in production, and under Coyote a virtual clock of the
    /// current iteration whose timers the scheduler fires (so timeouts are explored both ways, take no real
    /// time, and replay exactly). Use it for timeouts
    /// (<c>new CancellationTokenSource(timeout, ControlledTask.TimeProvider)</c>), the C# form of asyncio's
    /// <c>wait_for</c>.
    /// </summary>
    public static TimeProvider TimeProvider =>
        Scheduling.IsControlled ? VirtualTimeProvider.ForCurrentIteration() : TimeProvider.System;

    /// <summary>The task running the caller: the name given to <see cref="Run(Func{Task}, string?)"/>, or the root.</summary>
    internal static TaskIdentity CurrentIdentity => CurrentTask.Value ?? TaskIdentity.Root;

    /// <summary>
    /// Starts <paramref name="function"/> as a new task (asyncio <c>create_task</c>).
    /// </summary>
    /// <param name="function">The task's body.</param>
    /// <param name="name">A readable name for traces; defaults to the name of the method that holds the body.</param>
    /// <returns>A task that completes when the body's task completes.</returns>
    public static Task Run(Func<Task> function, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Start(function, function, CancellationToken.None, name);
    }

    /// <summary>
    /// Starts <paramref name="function"/> as a new task that produces a result (asyncio <c>create_task</c>).
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="function">The task's body.</param>
    /// <param name="name">A readable name for traces; defaults to the name of the method that holds the body.</param>
    /// <returns>A task that completes with the body's result.</returns>
    public static Task<T> Run<T>(Func<Task<T>> function, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Start(function, function, CancellationToken.None, name);
    }

    /// <summary>
    /// Starts <paramref name="function"/> as a task named <paramref name="name"/>, or else after the method of
    /// <paramref name="body"/>: the delegate the caller wrote, which <paramref name="function"/> may wrap.
    /// </summary>
    internal static Task Start(Delegate body, Func<Task> function, CancellationToken cancellationToken, string? name = null)
    {
        if (!Scheduling.IsControlled && !PrimitiveEvents.IsObserved)
        {
            return Task.Run(function, cancellationToken);
        }

        var identity = Spawned(body, name);
        return StartedTasks.Register(
            Scheduling.IsControlled
                ? Scheduling.Run(() => RunAs(identity, function), cancellationToken)
                : Task.Run(() => RunAs(identity, function), cancellationToken),
            identity);
    }

    /// <inheritdoc cref="Start(Delegate, Func{Task}, CancellationToken, string?)"/>
    internal static Task<T> Start<T>(Delegate body, Func<Task<T>> function, CancellationToken cancellationToken, string? name = null)
    {
        if (!Scheduling.IsControlled && !PrimitiveEvents.IsObserved)
        {
            return Task.Run(function, cancellationToken);
        }

        var identity = Spawned(body, name);
        return StartedTasks.Register(
            Scheduling.IsControlled
                ? Scheduling.Run(() => RunAs(identity, function), cancellationToken)
                : Task.Run(() => RunAs(identity, function), cancellationToken),
            identity);
    }

    /// <summary>
    /// Waits for <paramref name="delay"/> of <see cref="TimeProvider"/> time (asyncio <c>sleep</c>); under
    /// test, virtual time, and a point where the scheduler may switch tasks.
    /// </summary>
    /// <param name="delay">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>A task that completes after the delay.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task Delay(
        TimeSpan delay,
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point();
        return Reported(Task.Delay(delay, TimeProvider, cancellationToken), (long)delay.TotalMilliseconds, callerFile, callerLine);
    }

    /// <summary><paramref name="delayed"/>, a delay of the current task, as a step of the account: it sleeps, then wakes or is cancelled.</summary>
    internal static Task Reported(Task delayed, long milliseconds, string callerFile, int callerLine) =>
        Scheduling.Known(PrimitiveEvents.IsObserved ? ReportDelayAsync(delayed, milliseconds, callerFile, callerLine) : delayed);

    /// <summary>
    /// Lets other tasks run before the caller continues (asyncio <c>await asyncio.sleep(0)</c>); under test
    /// a point where the scheduler may switch tasks.
    /// </summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>An awaitable that yields.</returns>
    public static YieldAwaitable Yield([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        PrimitiveEvents.Report(Tasks, PrimitiveOperation.Yield, OperationOutcome.Completed, -1, callerFile, callerLine);
        return Task.Yield();
    }

    /// <summary>Names the new task and reports that the current one started it.</summary>
    private static TaskIdentity Spawned(Delegate function, string? name)
    {
        var id = IterationCounters.Next(PrimitiveKind.ControlledTask, ref _lastTaskId);
        var identity = new TaskIdentity(id, name ?? $"T{id} {ReadableMethodName(function)}");
        PrimitiveEvents.Report(Tasks, PrimitiveOperation.Spawn, OperationOutcome.Completed, -1, string.Empty, 0, identity);
        return identity;
    }

    private static async Task ReportDelayAsync(Task delayed, long milliseconds, string callerFile, int callerLine)
    {
        PrimitiveEvents.Report(Tasks, PrimitiveOperation.Delay, OperationOutcome.Blocked, milliseconds, callerFile, callerLine);
        try
        {
            await delayed.ConfigureAwait(Scheduling.IsControlled);
        }
        catch (OperationCanceledException)
        {
            PrimitiveEvents.Report(Tasks, PrimitiveOperation.Delay, OperationOutcome.Cancelled, milliseconds, callerFile, callerLine);
            throw;
        }

        PrimitiveEvents.Report(Tasks, PrimitiveOperation.Delay, OperationOutcome.Resumed, milliseconds, callerFile, callerLine);
    }

    // Lambdas compile to methods named "<Outer>b__3_0": show "Outer", the method that wrote the lambda. Local
    // functions compile to "<Outer>g__Local|3_0": show "Local", the name the code gave it.
    internal static string ReadableMethodName(Delegate function)
    {
        var name = function.Method.Name;
        var local = name.IndexOf(">g__", StringComparison.Ordinal);
        var bar = name.IndexOf('|', StringComparison.Ordinal);
        if (local > 0 && bar > local + 4)
        {
            return name[(local + 4)..bar];
        }

        var close = name.IndexOf('>', StringComparison.Ordinal);
        return name.StartsWith('<') && close > 1 ? name[1..close] : name;
    }

    private static async Task RunAs(TaskIdentity identity, Func<Task> function)
    {
        CurrentTask.Value = identity;
        try
        {
            await function();
        }
        catch (Exception exception)
        {
            PrimitiveEvents.Report(Tasks, PrimitiveOperation.Finish, OperationOutcome.Failed, -1, string.Empty, 0);
            Scheduling.TaskFailed(exception);
            throw;
        }

        PrimitiveEvents.Report(Tasks, PrimitiveOperation.Finish, OperationOutcome.Completed, -1, string.Empty, 0);
    }

    private static async Task<T> RunAs<T>(TaskIdentity identity, Func<Task<T>> function)
    {
        CurrentTask.Value = identity;
        try
        {
            var result = await function();
            PrimitiveEvents.Report(Tasks, PrimitiveOperation.Finish, OperationOutcome.Completed, -1, string.Empty, 0);
            return result;
        }
        catch (Exception exception)
        {
            PrimitiveEvents.Report(Tasks, PrimitiveOperation.Finish, OperationOutcome.Failed, -1, string.Empty, 0);
            Scheduling.TaskFailed(exception);
            throw;
        }
    }
}
