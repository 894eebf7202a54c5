namespace Interleave.Tests.Property;

/// <summary>A primitive did something its sequential model of asyncio's behaviour does not allow.</summary>
public sealed class ModelViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelViolationException()
    {
    }

    /// <summary>Creates the exception with what went wrong.</summary>
    /// <param name="message">What the primitive did and what the model expected.</param>
    public ModelViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with what went wrong and its cause.</summary>
    /// <param name="message">What the primitive did and what the model expected.</param>
    /// <param name="innerException">The cause.</param>
    public ModelViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
