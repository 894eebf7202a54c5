namespace Interleave.Harness.Findings;

/// <summary>A failure Coyote found itself, as its report said it: an assertion, an exception, a deadlock or a hang.</summary>
public abstract record CoyoteFinding : Finding
{
    private protected CoyoteFinding(string coyoteMessage, ControlEscape? likelyEscape, string message)
        : base(message)
    {
        CoyoteMessage = coyoteMessage;
        LikelyEscape = likelyEscape;
    }

    /// <summary>Coyote's own description of the failure.</summary>
    public string CoyoteMessage { get; }

    /// <summary>How the test probably escaped Coyote's control, when the failure points to that; otherwise null.</summary>
    public ControlEscape? LikelyEscape { get; }
}
