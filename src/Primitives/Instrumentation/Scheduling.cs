using System.Reflection;
using System.Runtime.CompilerServices;
using Interleave.Primitives.NativeEngine;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Runtime.CompilerServices;
using CoyoteTask = Microsoft.Coyote.Rewriting.Types.Threading.Tasks.Task;

namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// Knows whether the calling code runs under a systematic scheduler (Coyote's, or Interleave's native
/// engine), and offers the scheduling points, task starts and waits the primitives use there, each in the
/// form of the scheduler running the caller. Outside a test every member costs one predictable branch.
/// </summary>
internal static class Scheduling
{
#if !INTERLEAVE_BARE
    // Coyote installs this (internal) synchronization context on every thread that runs a controlled
    // operation. Comparing types is ~6 ns; Operation.GetNextId() would be slower and consume ids.
    private static readonly Type? ControlledContextType =
        typeof(SchedulingPoint).Assembly.GetType("Microsoft.Coyote.Runtime.ControlledSynchronizationContext");

    // CoyoteRuntime.RegisterKnownControlledTask(Task), internal to Coyote 1.7.11 (docs/ARCHITECTURE.md, "Facts about Coyote").
    private static readonly MethodInfo? RegisterKnownControlledTask =
        typeof(SchedulingPoint).Assembly.GetType("Microsoft.Coyote.Runtime.CoyoteRuntime")
            ?.GetMethod("RegisterKnownControlledTask", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(Task)]);
#endif

    /// <summary>True when the current thread executes an operation controlled by Coyote's scheduler or the native engine.</summary>
    /// <remarks>
    /// Internal awaits use <c>ConfigureAwait(Scheduling.IsControlled)</c>: in production they do not capture
    /// the caller's context, but under test they must, because a context-free continuation completed on a
    /// controlled thread (whose context is not the default) is queued to the real thread pool and escapes
    /// the scheduler.
    /// </remarks>
    internal static bool IsControlled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
#if INTERLEAVE_BARE
            // The benchmarks' copy with the hooks compiled out (bench/BarePrimitives) never runs under test.
            return false;
#else
            if (!Hooks.SchedulerLoaded)
            {
                return false;
            }

            var context = SynchronizationContext.Current;
            return context is not null && (context.GetType() == ControlledContextType || context is NativeSynchronizationContext);
#endif
        }
    }

    /// <summary>
    /// Lets the scheduler switch to another task before the caller's next step. A no-op in production.
    /// </summary>
    /// <param name="resource">
    /// The name of the primitive the step is about, or null when it is about none: the native engine's
    /// partial-order sampling treats steps on the same primitive as racing.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Point(string? resource = null)
    {
#if !INTERLEAVE_BARE
        if (!Hooks.SchedulerLoaded)
        {
            return;
        }

        var context = SynchronizationContext.Current;
        if (context is NativeSynchronizationContext native)
        {
            native.Iteration.Point(resource);
        }
        else if (context is not null && context.GetType() == ControlledContextType)
        {
            SchedulingPoint.Interleave();
        }
#endif
    }

    /// <summary>
    /// What the current schedule's per-iteration state is keyed on: the native iteration or Coyote's runtime
    /// (outside a test, Coyote's default runtime, shared by all).
    /// </summary>
    internal static object CurrentIteration => (object?)NativeIteration.Current ?? RuntimeProvider.Current;

    /// <summary>Starts <paramref name="function"/> as a new task of the scheduler running the caller.</summary>
    internal static Task Run(Func<Task> function, CancellationToken cancellationToken)
    {
        if (NativeIteration.Current is not { } native)
        {
            return CoyoteTask.Run(function, cancellationToken);
        }

        return cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : native.Run(function);
    }

    /// <inheritdoc cref="Run(Func{Task}, CancellationToken)"/>
    internal static Task<T> Run<T>(Func<Task<T>> function, CancellationToken cancellationToken)
    {
        if (NativeIteration.Current is not { } native)
        {
            return CoyoteTask.Run(function, cancellationToken);
        }

        return cancellationToken.IsCancellationRequested ? Task.FromCanceled<T>(cancellationToken) : native.Run(function);
    }

    /// <summary>Told by a controlled task's wrapper that its body failed: under the native engine an assertion fails the schedule there.</summary>
    internal static void TaskFailed(Exception exception) => NativeIteration.Current?.TaskFailed(exception);

    /// <summary>
    /// A pooled slow path's result as the primitive's caller should await it: as it is in production; under
    /// test as a task. A pooled <see cref="ValueTask"/> posts its caller's continuation to the captured
    /// context, which under test is a new controlled operation: an extra scheduling step in every schedule.
    /// A task runs it on the operation that completed it, as an <c>async Task</c> slow path would.
    /// </summary>
    internal static ValueTask<T> ForCaller<T>(ValueTask<T> pending) =>
        IsControlled ? new ValueTask<T>(Known(pending.AsTask())) : pending;

    /// <inheritdoc cref="ForCaller{T}(ValueTask{T})"/>
    internal static ValueTask ForCaller(ValueTask pending) =>
        IsControlled ? new ValueTask(Known(pending.AsTask())) : pending;

    /// <summary>
    /// Under test, tells Coyote that <paramref name="task"/>, which a primitive returns to its caller, is
    /// completed by controlled operations. Code that <c>coyote rewrite</c> rewrote checks each task that a call
    /// into an assembly it did not rewrite (this one) returns, and treats one it never saw created as
    /// uncontrolled work: it warns, and waits for it as for a thread it cannot schedule. Coyote marks the
    /// tasks of rewritten async methods this way; its method for it is internal.
    /// </summary>
    /// <returns><paramref name="task"/>.</returns>
    internal static TTask Known<TTask>(TTask task)
        where TTask : Task
    {
#if !INTERLEAVE_BARE
        if (!task.IsCompleted && IsControlled && NativeIteration.Current is null)
        {
            RegisterKnownControlledTask?.Invoke(RuntimeProvider.Current, [task]);
        }
#endif
        return task;
    }

    /// <summary>
    /// Waits for <paramref name="completion"/> in a way the scheduler understands: under test the
    /// operation pauses on a dependency Coyote can see (so a real deadlock is reported by name, never a
    /// false "potential deadlock"); in production it is a plain await.
    /// </summary>
    internal static Task<T> WaitAsync<T>(Task<T> completion) =>
        completion.IsCompleted || !IsControlled ? completion : PauseUntilCompletedAsync(completion);

    private static async Task<T> PauseUntilCompletedAsync<T>(Task<T> completion)
    {
        await PauseUntilAsync(() => completion.IsCompleted);
        if (!completion.IsCompleted)
        {
            // Coyote only resumes an unresolved pause when the iteration is over: leave quietly.
            throw new OperationCanceledException(ErrorMessages.IterationEnded);
        }

        return await completion;
    }

    /// <summary>
    /// Pauses the current controlled operation until <paramref name="condition"/> holds, as a dependency
    /// Coyote sees. The continuation becomes a new controlled operation (resumeAsynchronously) instead of
    /// running on the thread that resolved the condition, which Coyote needs to avoid false deadlocks.
    /// </summary>
    internal static SafePause PauseUntilAsync(Func<bool> condition) =>
        NativeIteration.Current is { } native
            ? new(default, native, condition)
            : new(Operation.PauseUntilAsync(condition, resumeAsynchronously: true).GetAwaiter(), null, condition);

    /// <summary>
    /// A pause until a condition holds: under the native engine a resumption the iteration runs once the
    /// condition holds; under Coyote, Coyote's pause awaiter, made safe at the end of an iteration: when
    /// Coyote tears an iteration down while a task starts to pause, its awaiter throws from
    /// <c>UnsafeOnCompleted</c>, which the async machinery rethrows on the thread pool, crashing the process.
    /// The task is being torn down anyway, so the interruption is dropped and the task is left to be collected.
    /// </summary>
    internal readonly struct SafePause(PausedOperationAwaitable.PausedOperationAwaiter inner, NativeIteration? native, Func<bool> condition)
        : ICriticalNotifyCompletion
    {
        public bool IsCompleted => native is null ? inner.IsCompleted : condition();

        public SafePause GetAwaiter() => this;

        public void GetResult()
        {
            if (native is null)
            {
                inner.GetResult();
            }
        }

        public void OnCompleted(Action continuation) => UnsafeOnCompleted(continuation);

        public void UnsafeOnCompleted(Action continuation)
        {
            if (native is not null)
            {
                native.ResumeWhen(condition, continuation);
                return;
            }

            try
            {
                inner.UnsafeOnCompleted(continuation);
            }
            catch (ThreadInterruptedException)
            {
                // The iteration ended: nothing will ever resume this task.
            }
        }
    }
}
