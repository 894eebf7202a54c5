namespace Interleave.Harness.Findings;

/// <summary>A schedule failed an assertion: <c>Specification.Assert</c>, an xunit assertion, ... (<see cref="Verdict.AssertionFailure"/>).</summary>
public sealed record AssertionFailureFinding : CoyoteFinding
{
    internal AssertionFailureFinding(string coyoteMessage, string message)
        : base(coyoteMessage, message)
    {
    }

    /// <inheritdoc/>
    public override Verdict Verdict => Verdict.AssertionFailure;
}
