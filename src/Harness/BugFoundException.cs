namespace Interleave.Harness;

/// <summary>
/// Thrown by <see cref="Explorer.Verify"/> when a schedule fails: its message is the readable account of
/// the failing schedule, the path of the saved trace and the call that replays it, so a test framework
/// shows all three where the test failed.
/// </summary>
public sealed class BugFoundException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public BugFoundException()
        : base("A schedule failed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">The account of the failure.</param>
    public BugFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">The account of the failure.</param>
    /// <param name="innerException">The cause.</param>
    public BugFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What the exploration found.</summary>
    public ExplorationReport? Report { get; init; }

    /// <summary>Where the failing schedule's trace was saved.</summary>
    public string? TracePath { get; init; }
}
