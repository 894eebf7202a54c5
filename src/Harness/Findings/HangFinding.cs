namespace Interleave.Harness.Findings;

/// <summary>
/// A schedule ran past its step bound (a livelock, an endless loop), or Coyote's monitor saw no step for
/// seconds (<see cref="CoyoteFinding.LikelyEscape"/> is then <see cref="ControlEscape.BlockedThread"/>):
/// <see cref="Verdict.Hang"/>.
/// </summary>
public sealed record HangFinding : CoyoteFinding
{
    internal HangFinding(string coyoteMessage, ControlEscape? likelyEscape, string message)
        : base(coyoteMessage, likelyEscape, message)
    {
    }

    /// <inheritdoc/>
    public override Verdict Verdict => Verdict.Hang;
}
