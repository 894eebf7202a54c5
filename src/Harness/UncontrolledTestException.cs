namespace Interleave.Harness;

/// <summary>
/// Thrown by <see cref="Explorer.Verify"/> when a schedule stalled on work the scheduler cannot see
/// (<see cref="Verdict.Uncontrolled"/>): not a bug found, but a test the harness cannot judge. Its message says
/// what escaped, which tasks awaited it and where each was last seen, and what to use instead.
/// </summary>
public sealed class UncontrolledTestException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public UncontrolledTestException()
        : base("A schedule stalled on work the scheduler cannot see.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What escaped the scheduler and what to use instead.</param>
    public UncontrolledTestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What escaped the scheduler and what to use instead.</param>
    /// <param name="innerException">The cause.</param>
    public UncontrolledTestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What the exploration found.</summary>
    public ExplorationReport? Report { get; init; }

    /// <summary>Where the stalled schedule's trace was saved.</summary>
    public string? TracePath { get; init; }
}
