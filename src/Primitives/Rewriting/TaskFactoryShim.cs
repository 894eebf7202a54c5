using System.ComponentModel;
using Interleave.Primitives.Instrumentation;
using CoyoteTaskFactory = Microsoft.Coyote.Rewriting.Types.Threading.Tasks.TaskFactory;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="TaskFactory.StartNew(Action)"/> and its overloads in rewritten code: under test, on the default
/// scheduler, a task named after its body's method, as <see cref="ControlledTask.Run(Func{Task}, string?)"/>
/// names its own (creation options are not modelled, as in Coyote); on another scheduler, or outside a test,
/// Coyote's wrapper.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.Tasks.TaskFactory")]
public static class TaskFactoryShim
{
    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <param name="factory">The factory called.</param>
    /// <param name="action">The task's body.</param>
    /// <returns>The task.</returns>
    public static Task StartNew(TaskFactory factory, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                action,
                () =>
            {
                action();
                return Task.CompletedTask;
            },
                CancellationToken.None)
            : CoyoteTaskFactory.StartNew(factory, action);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <param name="factory">The factory called.</param>
    /// <param name="action">The task's body.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>The task.</returns>
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                action,
                () =>
            {
                action();
                return Task.CompletedTask;
            },
                cancellationToken)
            : CoyoteTaskFactory.StartNew(factory, action, cancellationToken);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <param name="factory">The factory called.</param>
    /// <param name="action">The task's body.</param>
    /// <param name="creationOptions">Not modelled under test.</param>
    /// <returns>The task.</returns>
    public static Task StartNew(TaskFactory factory, Action action, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                action,
                () =>
            {
                action();
                return Task.CompletedTask;
            },
                CancellationToken.None)
            : CoyoteTaskFactory.StartNew(factory, action, creationOptions);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <param name="factory">The factory called.</param>
    /// <param name="action">The task's body.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <param name="creationOptions">Not modelled under test.</param>
    /// <param name="scheduler">Named here on the default scheduler; on another, left to Coyote.</param>
    /// <returns>The task.</returns>
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Named(scheduler)
            ? ControlledTask.Start(
                action,
                () =>
            {
                action();
                return Task.CompletedTask;
            },
                cancellationToken)
            : CoyoteTaskFactory.StartNew(factory, action, cancellationToken, creationOptions, scheduler);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <param name="factory">The factory called.</param>
    /// <param name="action">The task's body.</param>
    /// <param name="state">What the body is given.</param>
    /// <returns>The task.</returns>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                action,
                () =>
            {
                action(state);
                return Task.CompletedTask;
            },
                CancellationToken.None)
            : CoyoteTaskFactory.StartNew(factory, action, state);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <param name="factory">The factory called.</param>
    /// <param name="action">The task's body.</param>
    /// <param name="state">What the body is given.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>The task.</returns>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                action,
                () =>
            {
                action(state);
                return Task.CompletedTask;
            },
                cancellationToken)
            : CoyoteTaskFactory.StartNew(factory, action, state, cancellationToken);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <param name="factory">The factory called.</param>
    /// <param name="action">The task's body.</param>
    /// <param name="state">What the body is given.</param>
    /// <param name="creationOptions">Not modelled under test.</param>
    /// <returns>The task.</returns>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                action,
                () =>
            {
                action(state);
                return Task.CompletedTask;
            },
                CancellationToken.None)
            : CoyoteTaskFactory.StartNew(factory, action, state, creationOptions);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <param name="factory">The factory called.</param>
    /// <param name="action">The task's body.</param>
    /// <param name="state">What the body is given.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <param name="creationOptions">Not modelled under test.</param>
    /// <param name="scheduler">Named here on the default scheduler; on another, left to Coyote.</param>
    /// <returns>The task.</returns>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Named(scheduler)
            ? ControlledTask.Start(
                action,
                () =>
            {
                action(state);
                return Task.CompletedTask;
            },
                cancellationToken)
            : CoyoteTaskFactory.StartNew(factory, action, state, cancellationToken, creationOptions, scheduler);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory called.</param>
    /// <param name="function">The task's body.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                function,
                () => Task.FromResult(function()),
                CancellationToken.None)
            : CoyoteTaskFactory.StartNew(factory, function);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory called.</param>
    /// <param name="function">The task's body.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                function,
                () => Task.FromResult(function()),
                cancellationToken)
            : CoyoteTaskFactory.StartNew(factory, function, cancellationToken);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory called.</param>
    /// <param name="function">The task's body.</param>
    /// <param name="creationOptions">Not modelled under test.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                function,
                () => Task.FromResult(function()),
                CancellationToken.None)
            : CoyoteTaskFactory.StartNew(factory, function, creationOptions);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory called.</param>
    /// <param name="function">The task's body.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <param name="creationOptions">Not modelled under test.</param>
    /// <param name="scheduler">Named here on the default scheduler; on another, left to Coyote.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Named(scheduler)
            ? ControlledTask.Start(
                function,
                () => Task.FromResult(function()),
                cancellationToken)
            : CoyoteTaskFactory.StartNew(factory, function, cancellationToken, creationOptions, scheduler);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory called.</param>
    /// <param name="function">The task's body.</param>
    /// <param name="state">What the body is given.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                function,
                () => Task.FromResult(function(state)),
                CancellationToken.None)
            : CoyoteTaskFactory.StartNew(factory, function, state);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory called.</param>
    /// <param name="function">The task's body.</param>
    /// <param name="state">What the body is given.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                function,
                () => Task.FromResult(function(state)),
                cancellationToken)
            : CoyoteTaskFactory.StartNew(factory, function, state, cancellationToken);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory called.</param>
    /// <param name="function">The task's body.</param>
    /// <param name="state">What the body is given.</param>
    /// <param name="creationOptions">Not modelled under test.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Named(TaskScheduler.Default)
            ? ControlledTask.Start(
                function,
                () => Task.FromResult(function(state)),
                CancellationToken.None)
            : CoyoteTaskFactory.StartNew(factory, function, state, creationOptions);
    }

    /// <summary>Task.Factory.StartNew, as a named task under test.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory called.</param>
    /// <param name="function">The task's body.</param>
    /// <param name="state">What the body is given.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <param name="creationOptions">Not modelled under test.</param>
    /// <param name="scheduler">Named here on the default scheduler; on another, left to Coyote.</param>
    /// <returns>The task.</returns>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Named(scheduler)
            ? ControlledTask.Start(
                function,
                () => Task.FromResult(function(state)),
                cancellationToken)
            : CoyoteTaskFactory.StartNew(factory, function, state, cancellationToken, creationOptions, scheduler);
    }

    // Coyote controls the default scheduler's tasks only, and leaves a task on another to it: so does this.
    private static bool Named(TaskScheduler scheduler) =>
        Scheduling.IsControlled && scheduler.GetType() == TaskScheduler.Default.GetType();
}
