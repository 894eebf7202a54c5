using System.Runtime.CompilerServices;
using Microsoft.Coyote.Runtime;

namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// Knows whether the calling code runs under Coyote's systematic scheduler, and offers the scheduling
/// points and waits the primitives use there. Outside a test every member costs one predictable branch.
/// </summary>
internal static class Scheduling
{
    // Coyote installs this (internal) synchronization context on every thread that runs a controlled
    // operation. Comparing types is ~6 ns; Operation.GetNextId() would be slower and consume ids.
    private static readonly Type? ControlledContextType =
        typeof(SchedulingPoint).Assembly.GetType("Microsoft.Coyote.Runtime.ControlledSynchronizationContext");

    /// <summary>True when the current thread executes an operation controlled by Coyote's scheduler.</summary>
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
            var context = SynchronizationContext.Current;
            return context is not null && context.GetType() == ControlledContextType;
        }
    }

    /// <summary>
    /// Lets the scheduler switch to another task before the caller's next step. A no-op in production.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Point()
    {
        if (IsControlled)
        {
            SchedulingPoint.Interleave();
        }
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
        // resumeAsynchronously: the continuation becomes a new controlled operation instead of running
        // on the thread that completed the wait, which Coyote needs to avoid false deadlocks.
        await Operation.PauseUntilAsync(() => completion.IsCompleted, resumeAsynchronously: true);
        if (!completion.IsCompleted)
        {
            // Coyote only resumes an unresolved pause when the iteration is over: leave quietly.
            throw new OperationCanceledException(ErrorMessages.IterationEnded);
        }

        return await completion;
    }
}
