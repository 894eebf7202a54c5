namespace Interleave.Harness;

/// <summary>
/// The test could not run as it was built: code it calls failed to load (an assembly of another version
/// than it was compiled against, a missing method, field or type). Not a bug of the code under test: every
/// schedule would fail the same way. The message names what failed to load; the cause is the inner exception.
/// </summary>
public sealed class TestSetupException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public TestSetupException()
        : base("The test could not run: code it calls failed to load.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What failed to load, and what to do about it.</param>
    public TestSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What failed to load, and what to do about it.</param>
    /// <param name="innerException">What the runtime threw.</param>
    public TestSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
