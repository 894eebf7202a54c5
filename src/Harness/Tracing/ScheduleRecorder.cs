using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>The primitive events of one test iteration, in schedule order.</summary>
internal sealed class ScheduleRecorder
{
    private readonly List<PrimitiveEvent> _events = [];

    internal IReadOnlyList<PrimitiveEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    // Under Coyote one operation runs at a time; the lock only guards against a stray uncontrolled thread.
    internal void Add(in PrimitiveEvent operationEvent)
    {
        lock (_events)
        {
            _events.Add(operationEvent);
        }
    }
}
