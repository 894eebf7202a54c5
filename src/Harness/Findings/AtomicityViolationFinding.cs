namespace Interleave.Harness.Findings;

/// <summary>
/// A task checked a <c>Shared&lt;T&gt;</c> cell, awaited with no lock held from that read on, then wrote it,
/// and another task's write is ordered neither before the check nor after the write by anything but lock
/// order (<see cref="Verdict.AtomicityViolation"/>).
/// </summary>
public sealed record AtomicityViolationFinding : Finding
{
    internal AtomicityViolationFinding(string cell, FindingStep check, FindingStep await, FindingStep act, FindingStep otherWrite, string message)
        : base(message)
    {
        Cell = cell;
        Check = check;
        Await = await;
        Act = act;
        OtherWrite = otherWrite;
    }

    /// <inheritdoc/>
    public override Verdict Verdict => Verdict.AtomicityViolation;

    /// <summary>The cell, as accounts name it: <c>shared 'balance'</c>.</summary>
    public string Cell { get; }

    /// <summary>The acting task's last read of the cell before its write.</summary>
    public FindingStep Check { get; }

    /// <summary>The first await after the check, with no lock held across it.</summary>
    public FindingStep Await { get; }

    /// <summary>The acting task's write, which acts on the check.</summary>
    public FindingStep Act { get; }

    /// <summary>The other task's write, which some schedule puts between the check and the act.</summary>
    public FindingStep OtherWrite { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Primitives => [Cell];

    /// <summary>The check, the act and the other write (the cell's accesses), in schedule order.</summary>
    public override IReadOnlyList<FindingStep> Steps => [.. new[] { Check, Act, OtherWrite }.DistinctBy(s => s.Number).OrderBy(s => s.Number)];
}
