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
/// while a task that has not finished waits on no primitive. Blocking a thread (<c>.Wait()</c>, <c>.Result</c>, <c>Monitor</c>,
/// <c>SemaphoreSlim.Wait</c>, a long <c>Thread.Sleep</c>) makes the scheduler wait for a step that never
/// comes, and its periodic monitor reports "Potential deadlock or hang detected" after about two deadlock timeouts.
/// </remarks>
internal static partial class CoyoteMessages
{
    private const string MonitorHang = "Potential deadlock or hang detected.";

    /// <summary>The finding Coyote's report of a failing schedule stands for.</summary>
    /// <param name="message">Coyote's description of the failure.</param>
    /// <param name="events">The primitive events of the failing schedule.</param>
    /// <param name="rewritten">True when the test's assembly was rewritten by <c>coyote rewrite</c>, so that Coyote controls its tasks, delays and waits.</param>
    /// <param name="reword">Applied to every explanation the harness adds (a seam for the harness's own tests).</param>
    /// <param name="usesUncontrolledLibrary">True when the rewritten assembly uses a library Coyote's rewriting does not control.</param>
    internal static CoyoteFinding Interpret(string message, IReadOnlyList<PrimitiveEvent> events, bool rewritten, Func<string, string> reword, bool usesUncontrolledLibrary = false)
    {
        if (message.StartsWith(MonitorHang, StringComparison.Ordinal))
        {
            return StallDiagnosis.BlockedThread(message, events, rewritten, reword);
        }

        if (message.Contains("eadlock detected", StringComparison.Ordinal))
        {
            // Coyote says "Potential deadlock" once it has seen a thread of its own run outside its control.
            var sawUncontrolled = message.Contains("uncontrolled concurrency", StringComparison.Ordinal);
            return StallDiagnosis.Diagnose(message, events, sawUncontrolled, rewritten, usesUncontrolledLibrary, reword);
        }

        if (message.Contains("Scheduling steps bound", StringComparison.Ordinal))
        {
            return new HangFinding(message, message);
        }

        return message.StartsWith("Unhandled exception", StringComparison.Ordinal)
            ? new UnhandledExceptionFinding(message, message)
            : new AssertionFailureFinding(message, message);
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

    [GeneratedRegex(@"is not reproducible at execution step '(\d+)': (.*?)\.(\r?\n|$)")]
    private static partial Regex NotReproducible();
}
