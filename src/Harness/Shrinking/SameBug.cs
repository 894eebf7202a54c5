using System.Text.RegularExpressions;
using Interleave.Harness.Findings;

namespace Interleave.Harness.Shrinking;

/// <summary>
/// Whether a shorter schedule shows the bug the original schedule showed, and not merely another one: the same
/// verdict, and for each kind what makes it that bug.
/// </summary>
/// <remarks>
/// Hangs and escapes from the scheduler's control are never shrunk, so never compared. Tasks are compared
/// by name, since a task's number is the order it was started in and another schedule can start them in
/// another order. An assertion or an exception is the same when its message is, up to the numbers in it: a
/// shorter schedule can oversell by one seat where the original oversold by two.
/// </remarks>
internal static partial class SameBug
{
    /// <summary>True when <paramref name="candidate"/> is the bug <paramref name="original"/> is.</summary>
    internal static bool Holds(Finding original, Finding candidate) => (original, candidate) switch
    {
        _ when original.Verdict != candidate.Verdict => false,
        (DataRaceFinding a, DataRaceFinding b) =>
            a.Cell == b.Cell && SameSources([a.Earlier, a.Later], [b.Earlier, b.Later]),
        (AtomicityViolationFinding a, AtomicityViolationFinding b) =>
            a.Cell == b.Cell && SameSources([a.Check, a.Act, a.OtherWrite], [b.Check, b.Act, b.OtherWrite]),
        (DeadlockFinding a, DeadlockFinding b) =>
            a.Cycle.Select(t => t.Name).ToHashSet().SetEquals(b.Cycle.Select(t => t.Name))
            && a.Primitives.ToHashSet().SetEquals(b.Primitives),
        _ => Numbers().Replace(original.Message, "#") == Numbers().Replace(candidate.Message, "#"),
    };

    // The same lines of code, in any order: which of two racing accesses comes first is the schedule's choice.
    private static bool SameSources(IEnumerable<FindingStep> original, IEnumerable<FindingStep> candidate) =>
        original.Select(Where).Order().SequenceEqual(candidate.Select(Where).Order());

    private static string Where(FindingStep step) => $"{step.Event.CallerFile}:{step.Event.CallerLine}";

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Numbers();
}
