using System.Text;

namespace Interleave.Harness.Findings;

/// <summary>What the harness says of each <see cref="ControlEscape"/>: what escaped, where, and what to use instead.</summary>
internal static class ControlDiagnosis
{
    /// <summary>What to use instead of work that escapes the scheduler.</summary>
    internal const string Remedy =
        "Use ControlledTask.Run, ControlledTask.Delay and ControlledTask.TimeProvider in place of Task.Run, Task.Delay and timers; "
        + "Interleave primitives (AsyncSemaphore, AsyncLock, AsyncEvent, AsyncQueue) in place of SemaphoreSlim, TaskCompletionSource "
        + "and blocking waits; no ConfigureAwait(false) in code under test; or rewrite the assembly with `coyote rewrite`.";

    /// <summary>Why the harness gives no verdict on the program.</summary>
    internal const string NoVerdict = "The harness cannot tell whether the program is correct: this is not a bug found.";

    /// <summary>What escaped, in words.</summary>
    internal static string Cause(ControlEscape escape) => escape switch
    {
        ControlEscape.AwaitedUncontrolledWork =>
            "The schedule stalled on work the scheduler does not control (a real Task.Run, Task.Delay, timer, "
            + "SemaphoreSlim.WaitAsync, ConfigureAwait(false) continuation, or a TaskCompletionSource completed from outside or never)",
        ControlEscape.UncontrolledLibrary =>
            "The schedule stalled in rewritten code that uses System.Threading.Channels, which coyote rewrite 1.7.11 does not control: "
            + "a ChannelReader or ChannelWriter wait is invisible to the scheduler (use AsyncQueue<T>, asyncio's Queue, in its place)",
        ControlEscape.UncontrolledBlockingWait =>
            "No task took a step for seconds in rewritten code: a task blocked its thread on a wait that neither coyote rewrite "
            + "nor Interleave's shims control (BlockingCollection, CountdownEvent, Barrier, ReaderWriterLockSlim, Mutex, Semaphore), "
            + "or ran long without a step (use what is controlled in its place: SemaphoreSlim, ManualResetEventSlim, Monitor, "
            + "an awaited AsyncQueue<T> for BlockingCollection)",
        ControlEscape.BlockedThread =>
            "No task took a step for seconds: a task blocked its thread (.Wait(), .Result, Thread.Sleep, lock/Monitor, "
            + "SemaphoreSlim.Wait or another blocking wait), or ran long without awaiting, which the scheduler cannot schedule around",
        ControlEscape.NondeterministicSchedule =>
            "Given the choices of an earlier schedule, the test took other steps: it depends on something the scheduler does not "
            + "control (wall-clock time, random numbers, static state left by the schedule before, a real thread), so its schedules "
            + "cannot be enumerated (seed any randomness, reset statics at the start of the test)",
    };

    /// <summary>The whole explanation: the cause, the tasks that awaited what escaped and where each was last seen, the remedy.</summary>
    internal static string Explain(ControlEscape escape, IReadOnlyList<StrandedTask> stranded)
    {
        var text = new StringBuilder(Cause(escape)).Append('.');
        if (stranded.Count > 0)
        {
            text.Append(stranded.Count == 1 ? " Not finished and waiting on no primitive: " : " Not finished and waiting on no primitive, each: ");
            text.AppendJoin("; ", stranded.Select(Where)).Append('.');
        }

        // Rewritten code has had the remedy's last step already; its own cause says what to use instead.
        return escape is ControlEscape.UncontrolledLibrary or ControlEscape.UncontrolledBlockingWait
            ? text.Append(' ').Append(NoVerdict).ToString()
            : text.Append(' ').Append(NoVerdict).Append(' ').Append(Remedy).ToString();
    }

    private static string Where(StrandedTask task) =>
        task.LastStep is { } step
            ? $"{task.Task.Name} (last seen at step {step.Number}, {step.Source})"
            : $"{task.Task.Name} (no step of it has a known line)";
}
