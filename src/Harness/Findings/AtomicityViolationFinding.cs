namespace Interleave.Harness.Findings;

/// <summary>
/// A task checked a <c>Shared&lt;T&gt;</c> cell, awaited with no lock held from that read on, then wrote it,
/// and another task's write is ordered neither before the check nor after the write by anything but lock
/// order (<see cref="Verdict.AtomicityViolation"/>).
/// </summary>
/// <param name="Cell">The cell, as accounts name it: <c>shared 'balance'</c>.</param>
/// <param name="Check">The acting task's last read of the cell before its write.</param>
/// <param name="Await">The first await after the check, with no lock held across it.</param>
/// <param name="Act">The acting task's write, which acts on the check.</param>
/// <param name="OtherWrite">The other task's write, which some schedule puts between the check and the act.</param>
/// <param name="Message">The violation in words.</param>
public sealed record AtomicityViolationFinding(
    string Cell,
    FindingStep Check,
    FindingStep Await,
    FindingStep Act,
    FindingStep OtherWrite,
    string Message) : Finding(Message)
{
    /// <inheritdoc/>
    public override Verdict Verdict => Verdict.AtomicityViolation;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Primitives => [Cell];

    /// <summary>The check, the act and the other write (the cell's accesses), in schedule order.</summary>
    public override IReadOnlyList<FindingStep> Steps => [.. new[] { Check, Act, OtherWrite }.DistinctBy(s => s.Number).OrderBy(s => s.Number)];
}
