using Interleave.Harness.Findings;
using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Races;

/// <summary>
/// The race and atomicity detectors of one schedule, started at its first access to a <c>Shared&lt;T&gt;</c>
/// cell and caught up from the events recorded before it.
/// </summary>
/// <remarks>
/// Only a cell access completes a finding, and the detectors' state is a function of the events before it,
/// so starting late finds exactly what starting with the schedule would, while a schedule that never touches
/// a cell (a test that checks its state with assertions, on primitives alone) pays nothing for the checks.
/// </remarks>
/// <param name="recorder">The schedule's recorder, which holds every event so far, the one observed last.</param>
internal sealed class SharedStateChecks(ScheduleRecorder recorder)
{
    private RaceDetector? _races;
    private AtomicityDetector? _atomicity;

    /// <summary>Takes the event the recorder took last; returns the finding it completes, or null.</summary>
    internal Finding? Observe(in PrimitiveEvent e)
    {
        if (_races is null || _atomicity is null)
        {
            if (e.Operation is not (PrimitiveOperation.Read or PrimitiveOperation.Write))
            {
                return null;
            }

            _races = new RaceDetector();
            _atomicity = new AtomicityDetector();
            var recorded = recorder.Events;
            for (var k = 0; k < recorded.Count - 1; k++)
            {
                // Before the first access nothing can be found; the detectors only learn the order.
                _races.Observe(recorded[k]);
                _atomicity.Observe(recorded[k]);
            }
        }

        Finding? race = _races.Observe(e);
        var violation = _atomicity.Observe(e);
        return race ?? violation;
    }
}
