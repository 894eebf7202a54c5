namespace Interleave.Harness.Findings;

/// <summary>
/// How a test escaped Coyote's control (<see cref="UncontrolledFinding"/>): without binary rewriting Coyote sees
/// only the tasks and waits that go through its scheduler.
/// </summary>
public enum ControlEscape
{
    /// <summary>
    /// A task awaited work Coyote does not control (a real <c>Task.Run</c>, <c>Task.Delay</c>, timer,
    /// <c>SemaphoreSlim.WaitAsync</c>, <c>ConfigureAwait(false)</c>, or a <c>TaskCompletionSource</c> completed
    /// from outside or never), so no controlled task was left to run.
    /// </summary>
    AwaitedUncontrolledWork,

    /// <summary>
    /// A task blocked its thread (<c>.Wait()</c>, <c>.Result</c>, <c>Monitor</c>, <c>SemaphoreSlim.Wait</c>, a long
    /// <c>Thread.Sleep</c>): Coyote's monitor saw no step for seconds.
    /// </summary>
    BlockedThread,

    /// <summary>
    /// Code rewritten by <c>coyote rewrite</c> stalled while it uses a library that Coyote 1.7.11's rewriting does
    /// not control (<c>System.Threading.Channels</c>): its waits are invisible to the scheduler, so the stall may
    /// be no deadlock at all.
    /// </summary>
    UncontrolledLibrary,

    /// <summary>
    /// Code rewritten by <c>coyote rewrite</c> blocked a thread on a wait that neither Coyote's rewriting nor
    /// Interleave's shims control (<c>BlockingCollection</c>, <c>CountdownEvent</c>, a <c>Mutex</c>): Coyote's
    /// monitor saw no step for seconds.
    /// </summary>
    UncontrolledBlockingWait,

    /// <summary>
    /// Given the same choices as an earlier schedule, the test took other steps: it depends on something the
    /// scheduler does not control (wall-clock time, random numbers, state kept from the schedule before, a real
    /// thread), so the exhaustive search cannot enumerate its schedules.
    /// </summary>
    NondeterministicSchedule,
}
