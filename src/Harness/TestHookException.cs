namespace Interleave.Harness;

/// <summary>
/// A <c>[TestInit]</c>, <c>[TestIterationDispose]</c> or <c>[TestDispose]</c> method of the test's assembly
/// threw, or the assembly declares more than one of a kind. The message names the method; the cause is the
/// inner exception.
/// </summary>
public sealed class TestHookException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public TestHookException()
        : base("A test set-up or tear-down method failed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">Which hook failed, in plain words.</param>
    public TestHookException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">Which hook failed, in plain words.</param>
    /// <param name="innerException">What the hook threw.</param>
    public TestHookException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
