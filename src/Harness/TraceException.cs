namespace Interleave.Harness;

/// <summary>
/// A trace cannot be replayed: it is unreadable or truncated, was recorded for another test or another
/// Coyote version, or the code changed since and the schedule no longer fits. The message says which.
/// </summary>
public sealed class TraceException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public TraceException()
        : base("The trace cannot be replayed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What is wrong with the trace, in plain words.</param>
    public TraceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What is wrong with the trace, in plain words.</param>
    /// <param name="innerException">The cause.</param>
    public TraceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
