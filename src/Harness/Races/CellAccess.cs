using Interleave.Harness.Findings;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Races;

/// <summary>One access to a shared cell as the detectors keep it.</summary>
/// <param name="Event">The read or write.</param>
/// <param name="Epoch">The accessing task's own clock entry when it happened.</param>
/// <param name="Step">Its index in the schedule's events.</param>
internal sealed record CellAccess(PrimitiveEvent Event, int Epoch, int Step)
{
    /// <summary>The access as a step of the schedule.</summary>
    internal FindingStep Finding => FindingStep.At(Step, Event);
}
