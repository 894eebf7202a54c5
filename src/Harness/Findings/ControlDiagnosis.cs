namespace Interleave.Harness.Findings;

/// <summary>What the harness says about each <see cref="ControlEscape"/>: the likely cause and what to use instead.</summary>
internal static class ControlDiagnosis
{
    /// <summary>The explanation of <see cref="ControlEscape.AwaitedUncontrolledWork"/>.</summary>
    internal const string AwaitedUncontrolledWork =
        "Likely cause: the test awaited work Coyote does not control (a real Task.Run, Task.Delay, timer, ConfigureAwait(false) "
        + "or a TaskCompletionSource completed from outside), so no controlled task was left to finish it. "
        + "Use ControlledTask.Run, ControlledTask.Delay and ControlledTask.TimeProvider, and await Interleave primitives.";

    /// <summary>The explanation of <see cref="ControlEscape.BlockedThread"/>.</summary>
    internal const string BlockedThread =
        "Likely cause: a task blocked its thread (.Wait(), .Result, Thread.Sleep, lock/Monitor, SemaphoreSlim.Wait or another "
        + "blocking wait), which Coyote cannot schedule around. Await instead of blocking: ControlledTask.Run and ControlledTask.Delay, "
        + "and Interleave primitives in place of locks, semaphores and events.";

    internal static string Explain(ControlEscape escape) => escape switch
    {
        ControlEscape.AwaitedUncontrolledWork => AwaitedUncontrolledWork,
        ControlEscape.BlockedThread => BlockedThread,
    };
}
