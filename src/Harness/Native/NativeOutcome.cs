using System.Globalization;
using Interleave.Harness.Findings;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.NativeEngine;
using Microsoft.Coyote.Runtime;

namespace Interleave.Harness.Native;

/// <summary>The finding a native iteration's end stands for, in the same kinds Coyote's reports give.</summary>
internal static class NativeOutcome
{
    /// <summary>Null when the schedule passed.</summary>
    /// <param name="end">How the iteration ended.</param>
    /// <param name="recorded">The finding of the harness's own checks that failed the schedule, if one did.</param>
    /// <param name="events">The schedule's primitive events.</param>
    /// <param name="stepBound">The step bound it ran under.</param>
    /// <param name="reword">Applied to every explanation the harness adds.</param>
    internal static Finding? Interpret(IterationEnd end, Finding? recorded, IReadOnlyList<PrimitiveEvent> events, int stepBound, Func<string, string> reword)
    {
        if (recorded is not null)
        {
            return recorded;
        }

        switch (end.Kind)
        {
            case IterationEndKind.Failed when end.Exception is AssertionFailureException assertion:
                return new AssertionFailureFinding(assertion.Message, assertion.Message);
            case IterationEndKind.Failed when end.Exception is { } exception:
                var unhandled = $"Unhandled exception. {exception.GetType().FullName}: {exception.Message}";
                return new UnhandledExceptionFinding(unhandled, unhandled);
            case IterationEndKind.Failed:
                var failed = end.Message ?? "The schedule failed.";
                return new AssertionFailureFinding(failed, failed);
            case IterationEndKind.Stalled:
                const string stalled = "Deadlock detected. Every remaining task is paused on a dependency, and no other controlled operation is enabled.";
                return StallDiagnosis.Diagnose(stalled, events, sawUncontrolled: false, rewritten: false, usesUncontrolledLibrary: false, reword);
            case IterationEndKind.NoProgress:
                const string blocked = "Potential deadlock or hang detected: no scheduling step for a second or more, a thread is blocked outside the scheduler's control.";
                return StallDiagnosis.BlockedThread(blocked, events, rewritten: false, reword);
            case IterationEndKind.StepBoundReached:
                var hang = string.Create(CultureInfo.InvariantCulture, $"Scheduling steps bound of {stepBound} reached.");
                return new HangFinding(hang, hang);
            default:
                return null;
        }
    }
}
