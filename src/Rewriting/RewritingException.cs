namespace Interleave.Rewriting;

/// <summary>The assembly could not be read, shimmed or written; the message says which and why.</summary>
public sealed class RewritingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RewritingException()
        : base("The assembly could not be rewritten.")
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">What failed.</param>
    public RewritingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public RewritingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
