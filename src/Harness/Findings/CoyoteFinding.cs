namespace Interleave.Harness.Findings;

/// <summary>A failure Coyote found itself, as its report said it: an assertion, an exception, a deadlock, a hang, or a stall it cannot see into.</summary>
public abstract record CoyoteFinding : Finding
{
    private protected CoyoteFinding(string coyoteMessage, string message)
        : base(message) => CoyoteMessage = coyoteMessage;

    /// <summary>Coyote's own description of the failure.</summary>
    public string CoyoteMessage { get; }
}
