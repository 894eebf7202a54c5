using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>One task still waiting at the end of a schedule, as the <see cref="WaitForGraph"/> sees it.</summary>
/// <param name="Task">The waiting task.</param>
/// <param name="Wait">The operation it blocked in (outcome <see cref="OperationOutcome.Blocked"/>).</param>
/// <param name="Holds">What it holds meanwhile: each primitive ("lock 'a'") and the source line that took it, if known.</param>
/// <param name="HeldBy">The other tasks holding what it waits for; empty when no running task is left to wake it.</param>
/// <param name="WakeVerb">What another task would have to do to wake it: "release", "set", "put an item into".</param>
internal sealed record WaitingTask(
    TaskIdentity Task,
    PrimitiveEvent Wait,
    IReadOnlyList<(string Primitive, string Site)> Holds,
    IReadOnlyList<TaskIdentity> HeldBy,
    string WakeVerb);
