using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Races;

/// <summary>A data race or an atomicity violation, in words, with the other steps it involves.</summary>
/// <param name="Message">What happened, naming tasks, accesses and source lines.</param>
/// <param name="OtherSteps">
/// Indexes, in the schedule's events, of the accesses the finding pairs with the one that completed it:
/// the earlier racing access, or the check and the other task's write.
/// </param>
internal sealed record SharedStateFinding(string Message, IReadOnlyList<int> OtherSteps)
{
    /// <summary>
    /// Feeds <paramref name="events"/> to fresh checks, as the harness did while the schedule ran, and
    /// returns the finding that ended it: the finding at the last event, or null.
    /// </summary>
    internal static SharedStateFinding? AtEnd(IReadOnlyList<PrimitiveEvent> events)
    {
        var recorder = new ScheduleRecorder();
        var checks = new SharedStateChecks(recorder);
        SharedStateFinding? last = null;
        foreach (var e in events)
        {
            recorder.Add(e);
            last = checks.Observe(e);
        }

        return last;
    }
}
