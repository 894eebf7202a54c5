using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Findings;

/// <summary>One step of a failing schedule that a finding involves.</summary>
/// <param name="Number">Its number in the schedule's account, from 1.</param>
/// <param name="Event">The primitive operation at that step.</param>
public sealed record FindingStep(int Number, PrimitiveEvent Event)
{
    /// <summary>The task that took the step.</summary>
    public TaskIdentity Task => Event.Task;

    /// <summary>The step's source line as <c>File.cs:12</c>; empty when unknown.</summary>
    public string Source => StepDescriber.Source(Event);

    /// <summary>The step at index <paramref name="index"/> of a schedule's events.</summary>
    internal static FindingStep At(int index, in PrimitiveEvent e) => new(index + 1, e);
}
