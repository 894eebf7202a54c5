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
}
