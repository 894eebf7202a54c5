using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness;

/// <summary>
/// Recognises the failures Coyote 1.7.11 reports when a test escapes its control, and says what the likely
/// cause is. Without binary rewriting Coyote sees only the tasks and waits that go through its scheduler;
/// work it cannot see surfaces in two ways:
/// <list type="bullet">
/// <item>Awaiting a real <c>Task.Run</c>, <c>Task.Delay</c>, timer callback, <c>ConfigureAwait(false)</c>
/// continuation or a <c>TaskCompletionSource</c> completed from outside: no controlled operation is left that
/// could go on, so Coyote reports "Deadlock detected. Op(0) is paused on a dependency" (or, when it noticed
/// the uncontrolled thread, "Potential deadlock detected ... uncontrolled concurrency"), while no task waits
/// on any primitive.</item>
/// <item>Blocking a thread (<c>.Wait()</c>, <c>.Result</c>, <c>Monitor</c>, <c>SemaphoreSlim.Wait</c>, a
/// long <c>Thread.Sleep</c>): the scheduler waits for a step that never comes, and its periodic monitor
/// reports "Potential deadlock or hang detected" after about two deadlock timeouts.</item>
/// </list>
/// </summary>
internal static class ControlDiagnosis
{
    /// <summary>The explanation of a deadlock in which no task waits on a primitive.</summary>
    internal const string AwaitedUncontrolledWork =
        "Likely cause: the test awaited work Coyote does not control (a real Task.Run, Task.Delay, timer, ConfigureAwait(false) "
        + "or a TaskCompletionSource completed from outside), so no controlled task was left to finish it. "
        + "Use ControlledTask.Run, ControlledTask.Delay and ControlledTask.TimeProvider, and await Interleave primitives.";

    /// <summary>The explanation of Coyote's periodic "potential deadlock or hang".</summary>
    internal const string BlockedThread =
        "Likely cause: a task blocked its thread (.Wait(), .Result, Thread.Sleep, lock/Monitor, SemaphoreSlim.Wait or another "
        + "blocking wait), which Coyote cannot schedule around. Await instead of blocking: ControlledTask.Run and ControlledTask.Delay, "
        + "and Interleave primitives in place of locks, semaphores and events.";

    /// <summary>
    /// <paramref name="message"/> followed by the likely cause when the failure is one of control escaping
    /// Coyote; otherwise <paramref name="message"/> unchanged.
    /// </summary>
    /// <param name="verdict">The verdict the message was classified as.</param>
    /// <param name="message">Coyote's description of the failure.</param>
    /// <param name="events">The primitive events of the failing schedule.</param>
    internal static string Explain(Verdict verdict, string message, IReadOnlyList<PrimitiveEvent> events)
    {
        if (message.StartsWith("Potential deadlock or hang detected.", StringComparison.Ordinal))
        {
            return $"{message} {BlockedThread}";
        }

        // A deadlock among primitives leaves a task waiting on one (the account explains it); one that
        // leaves none is a wait on something Coyote cannot see, unless Coyote says so itself.
        var uncontrolled = message.Contains("uncontrolled concurrency", StringComparison.Ordinal)
            || (verdict == Verdict.Deadlock && !WaitForGraph.Build(events).HasWaiters);
        return uncontrolled ? $"{message} {AwaitedUncontrolledWork}" : message;
    }
}
