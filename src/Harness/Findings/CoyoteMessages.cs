using System.Text.RegularExpressions;
using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Findings;

/// <summary>
/// The one place that reads what Coyote 1.7.11 reports as text: its bug reports, for the failures it finds
/// itself, and its replay log, for where a replay diverged. The harness's own findings never pass through here.
/// </summary>
/// <remarks>
/// Without binary rewriting Coyote sees only the tasks and waits that go through its scheduler; work it cannot
/// see surfaces in two ways. Awaiting a real <c>Task.Run</c>, <c>Task.Delay</c>, timer callback,
/// <c>ConfigureAwait(false)</c> continuation or a <c>TaskCompletionSource</c> completed from outside leaves no
/// controlled operation that could go on: Coyote reports "Deadlock detected. Op(0) is paused on a dependency"
/// (or, when it noticed the uncontrolled thread, "Potential deadlock detected ... uncontrolled concurrency"),
/// while no task waits on any primitive. Blocking a thread (<c>.Wait()</c>, <c>.Result</c>, <c>Monitor</c>,
/// <c>SemaphoreSlim.Wait</c>, a long <c>Thread.Sleep</c>) makes the scheduler wait for a step that never
/// comes, and its periodic monitor reports "Potential deadlock or hang detected" after about two deadlock timeouts.
/// </remarks>
internal static partial class CoyoteMessages
{
    private const string MonitorHang = "Potential deadlock or hang detected.";

    /// <summary>The finding Coyote's report of a failing schedule stands for.</summary>
    /// <param name="message">Coyote's description of the failure.</param>
    /// <param name="events">The primitive events of the failing schedule.</param>
    /// <param name="reword">Applied to every explanation the harness adds (a seam for the harness's own tests).</param>
    internal static CoyoteFinding Interpret(string message, IReadOnlyList<PrimitiveEvent> events, Func<string, string> reword)
    {
        if (message.StartsWith(MonitorHang, StringComparison.Ordinal))
        {
            return new HangFinding(message, ControlEscape.BlockedThread, Explained(message, ControlEscape.BlockedThread, reword));
        }

        var uncontrolled = message.Contains("uncontrolled concurrency", StringComparison.Ordinal);
        if (message.Contains("eadlock detected", StringComparison.Ordinal))
        {
            // A deadlock among primitives leaves a task waiting on one; one that leaves none is a wait on
            // something Coyote cannot see.
            var graph = WaitForGraph.Build(events);
            var waiting = graph.WaitingTasks();
            ControlEscape? escape = uncontrolled || waiting.Count == 0 ? ControlEscape.AwaitedUncontrolledWork : null;
            return new DeadlockFinding(message, escape, Explained(message, escape, reword), waiting, graph.Cycle());
        }

        ControlEscape? likely = uncontrolled ? ControlEscape.AwaitedUncontrolledWork : null;
        var explained = Explained(message, likely, reword);
        if (message.Contains("Scheduling steps bound", StringComparison.Ordinal))
        {
            return new HangFinding(message, likely, explained);
        }

        return message.StartsWith("Unhandled exception", StringComparison.Ordinal)
            ? new UnhandledExceptionFinding(message, likely, explained)
            : new AssertionFailureFinding(message, likely, explained);
    }

    /// <summary>
    /// Where a replay departed from its trace, from Coyote's log of the replay ("at step 12 (reason)"); null when
    /// it did not. Coyote logs "The trace ... is not reproducible at execution step 'N': reason." and goes on.
    /// </summary>
    internal static string? Divergence(string log)
    {
        var match = NotReproducible().Match(log);
        return match.Success ? $"at step {match.Groups[1].Value} ({match.Groups[2].Value})" : null;
    }

    private static string Explained(string message, ControlEscape? escape, Func<string, string> reword) =>
        escape is { } cause ? $"{message} {reword(ControlDiagnosis.Explain(cause))}" : message;

    [GeneratedRegex(@"is not reproducible at execution step '(\d+)': (.*?)\.(\r?\n|$)")]
    private static partial Regex NotReproducible();
}
