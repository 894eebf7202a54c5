using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>The primitive events of one test iteration, in schedule order.</summary>
internal sealed class ScheduleRecorder
{
    private readonly List<PrimitiveEvent> _events = [];
    private bool _closed;

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
            if (!_closed)
            {
                _events.Add(operationEvent);
            }
        }
    }

    /// <summary>True once the schedule has ended in a failure.</summary>
    internal bool IsClosed
    {
        get
        {
            lock (_events)
            {
                return _closed;
            }
        }
    }

    /// <summary>Stops recording: the schedule ended (a bug was found), later events are teardown.</summary>
    internal void Close()
    {
        lock (_events)
        {
            _closed = true;
        }
    }
}
