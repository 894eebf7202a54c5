namespace Interleave.Harness.Findings;

/// <summary>A finding as a run summary recorded it, read back in another process: its verdict and its words.</summary>
internal sealed record RecordedFinding : Finding
{
    private readonly Verdict _verdict;

    internal RecordedFinding(Verdict verdict, string message)
        : base(message) => _verdict = verdict;

    /// <inheritdoc/>
    public override Verdict Verdict => _verdict;
}
