using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Findings;

/// <summary>
/// What a schedule in which no task could go on stands for, under either engine: a deadlock when the waits
/// are all on what the scheduler controls, or an uncontrolled stall when a task waits on work it cannot see.
/// </summary>
internal static class StallDiagnosis
{
    /// <summary>The finding for a stalled schedule.</summary>
    /// <param name="message">The engine's own words for the stall.</param>
    /// <param name="events">The primitive events of the schedule.</param>
    /// <param name="sawUncontrolled">True when the engine saw a thread of its own run outside its control.</param>
    /// <param name="rewritten">True when the test's assembly was rewritten by <c>coyote rewrite</c>.</param>
    /// <param name="usesUncontrolledLibrary">True when the rewritten assembly uses a library Coyote's rewriting does not control.</param>
    /// <param name="reword">Applied to every explanation the harness adds (a seam for the harness's own tests).</param>
    internal static CoyoteFinding Diagnose(
        string message, IReadOnlyList<PrimitiveEvent> events, bool sawUncontrolled, bool rewritten, bool usesUncontrolledLibrary, Func<string, string> reword)
    {
        // Without rewriting, a task that had not finished and waits on no primitive (nor on a task it
        // started) awaits what the scheduler cannot see: the stall may be no deadlock at all. A cycle among
        // the primitives is one whatever else escaped.
        var graph = WaitForGraph.Build(events);
        var cycle = graph.Cycle();
        var stranded = graph.StrandedTasks();
        if (cycle.Count == 0 && (sawUncontrolled || !rewritten && stranded.Count > 0))
        {
            return Uncontrolled(message, ControlEscape.AwaitedUncontrolledWork, stranded, reword);
        }

        if (cycle.Count == 0 && rewritten && usesUncontrolledLibrary && stranded.Count > 0)
        {
            return Uncontrolled(message, ControlEscape.UncontrolledLibrary, stranded, reword);
        }

        return new DeadlockFinding(message, message, graph.WaitingTasks(), cycle);
    }

    /// <summary>The finding for a thread blocked outside the scheduler's control, so that no step came.</summary>
    internal static UncontrolledFinding BlockedThread(string message, IReadOnlyList<PrimitiveEvent> events, bool rewritten, Func<string, string> reword) =>
        Uncontrolled(message, rewritten ? ControlEscape.UncontrolledBlockingWait : ControlEscape.BlockedThread, WaitForGraph.Build(events).StrandedTasks(), reword);

    /// <summary>The finding for a test that did not repeat itself under the same choices (<paramref name="where"/>: at which step, how).</summary>
    internal static UncontrolledFinding Nondeterministic(string where, Func<string, string> reword)
    {
        var message = $"The schedule did not repeat: {where}.";
        return new(message, reword($"{message} {ControlDiagnosis.Explain(ControlEscape.NondeterministicSchedule, [])}"), ControlEscape.NondeterministicSchedule, []);
    }

    private static UncontrolledFinding Uncontrolled(string message, ControlEscape escape, IReadOnlyList<StrandedTask> stranded, Func<string, string> reword) =>
        new(message, reword(ControlDiagnosis.Explain(escape, stranded)), escape, stranded);
}
