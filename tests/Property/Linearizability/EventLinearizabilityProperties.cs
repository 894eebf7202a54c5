using Interleave.Primitives;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Generated programs of 2-4 tasks setting, clearing, waiting on and reading one event, explored under the
/// random and the prioritization strategies: in every schedule the history is linearizable against a flag
/// that a wait needs set, and no schedule deadlocks.
/// </summary>
public class EventLinearizabilityProperties
{
    [ScaledProperty(40)]
    public void AsyncEvent_GeneratedPrograms_EveryScheduleLinearizable(byte shape, int[] codes) =>
        LinearizabilityExploration.AssertEveryScheduleLinearizable(
            EventPrograms.Generate(shape, codes ?? []),
            () => EventPrograms.Perform(new AsyncEvent()),
            new EventSpecification());
}
