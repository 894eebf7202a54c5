using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Findings;

/// <summary>One task still waiting at the end of a deadlocked schedule.</summary>
/// <param name="Task">The waiting task.</param>
/// <param name="Wait">The step it blocked at (outcome <see cref="OperationOutcome.Blocked"/>).</param>
/// <param name="Holds">What it holds meanwhile, with the source line that took each.</param>
/// <param name="HeldBy">The other tasks holding what it waits for; empty when no running task is left to wake it.</param>
/// <param name="WakeVerb">What another task would have to do to wake it: "release", "set", "put an item into".</param>
public sealed record WaitingTask(
    TaskIdentity Task,
    FindingStep Wait,
    IReadOnlyList<Holding> Holds,
    IReadOnlyList<TaskIdentity> HeldBy,
    string WakeVerb)
{
    /// <summary>What it waits for, as accounts name it: <c>lock 'b'</c>.</summary>
    public string Primitive => StepDescriber.Primitive(Wait.Event);
}
