using Interleave.Harness.Findings;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>The primitive events of one test iteration, in schedule order, and the harness's finding that failed it, if any.</summary>
/// <param name="expectedEvents">Room for the events to start with: about as many as a schedule of the test had.</param>
internal sealed class ScheduleRecorder(int expectedEvents = 0)
{
    private readonly List<PrimitiveEvent> _events = new(expectedEvents);
    private readonly List<Preemption> _preemptions = [];
    private bool _closed;
    private bool _sealed;

    /// <summary>The events so far: a copy while the schedule runs, the recorded list itself once <see cref="Seal"/>ed.</summary>
    internal IReadOnlyList<PrimitiveEvent> Events
    {
        get
        {
            lock (_events)
            {
                return _sealed ? _events : [.. _events];
            }
        }
    }

    // Under Coyote one operation runs at a time; the lock only guards against a stray uncontrolled thread.
    internal void Add(in PrimitiveEvent operationEvent)
    {
        lock (_events)
        {
            if (!_closed && !_sealed)
            {
                _events.Add(operationEvent);
            }
        }
    }

    /// <summary>The schedule's preemptions so far, where the engine tells them (the native engine; Coyote's does not).</summary>
    internal IReadOnlyList<Preemption> Preemptions
    {
        get
        {
            lock (_events)
            {
                return _sealed ? _preemptions : [.. _preemptions];
            }
        }
    }

    /// <summary>Notes that the scheduler switched away from <paramref name="task"/>, which could have gone on, before the next event.</summary>
    internal void Preempted(TaskIdentity task)
    {
        lock (_events)
        {
            if (!_closed && !_sealed)
            {
                _preemptions.Add(new Preemption(_events.Count, task));
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

    /// <summary>The harness's own finding that failed the schedule; null when Coyote found the failure, or none.</summary>
    internal Finding? Failure { get; private set; }

    /// <summary>Keeps <paramref name="finding"/> as what failed the schedule, before the harness fails it.</summary>
    internal void Fail(Finding finding) => Failure ??= finding;

    /// <summary>Stops recording for good once the schedule is over, so that its events are read without a copy.</summary>
    internal void Seal()
    {
        lock (_events)
        {
            _sealed = true;
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
