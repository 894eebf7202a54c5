namespace Interleave.Harness.Findings;

/// <summary>A schedule ended with an exception no task handled (<see cref="Verdict.UnhandledException"/>).</summary>
public sealed record UnhandledExceptionFinding : CoyoteFinding
{
    internal UnhandledExceptionFinding(string coyoteMessage, string message)
        : base(coyoteMessage, message)
    {
    }

    /// <inheritdoc/>
    public override Verdict Verdict => Verdict.UnhandledException;
}
