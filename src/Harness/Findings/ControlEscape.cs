namespace Interleave.Harness.Findings;

/// <summary>
/// How a test probably escaped Coyote's control, when its failure looks like it: without binary rewriting
/// Coyote sees only the tasks and waits that go through its scheduler.
/// </summary>
public enum ControlEscape
{
    /// <summary>
    /// The test awaited work Coyote does not control (a real <c>Task.Run</c>, <c>Task.Delay</c>, timer,
    /// <c>ConfigureAwait(false)</c>, or a <c>TaskCompletionSource</c> completed from outside), so no controlled
    /// task was left to finish it: a deadlock in which no task waits on a primitive.
    /// </summary>
    AwaitedUncontrolledWork,

    /// <summary>
    /// A task blocked its thread (<c>.Wait()</c>, <c>.Result</c>, <c>Monitor</c>, <c>SemaphoreSlim.Wait</c>, a long
    /// <c>Thread.Sleep</c>): Coyote's monitor reports a potential deadlock or hang after seconds without a step.
    /// </summary>
    BlockedThread,
}
