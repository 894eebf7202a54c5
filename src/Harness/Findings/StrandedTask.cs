using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Findings;

/// <summary>
/// A task that had not finished when its schedule stalled, waiting neither on a primitive nor on a task it
/// started: it awaits something the scheduler cannot see.
/// </summary>
/// <param name="Task">The task.</param>
/// <param name="LastStep">
/// The last step it took whose source line is known (a release by a <c>using</c> block's end has none): where it
/// was last seen before the await that escaped; null when it took none.
/// </param>
public sealed record StrandedTask(TaskIdentity Task, FindingStep? LastStep);
