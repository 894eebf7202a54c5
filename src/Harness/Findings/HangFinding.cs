namespace Interleave.Harness.Findings;

/// <summary>A schedule ran past its step bound (a livelock, an endless loop): <see cref="Verdict.Hang"/>.</summary>
public sealed record HangFinding : CoyoteFinding
{
    internal HangFinding(string coyoteMessage, string message)
        : base(coyoteMessage, message)
    {
    }

    /// <inheritdoc/>
    public override Verdict Verdict => Verdict.Hang;
}
