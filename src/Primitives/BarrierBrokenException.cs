namespace Interleave.Primitives;

/// <summary>
/// Thrown by <see cref="AsyncBarrier.WaitAsync"/> when the barrier is broken or reset while a task waits
/// (asyncio <c>BrokenBarrierError</c>).
/// </summary>
public sealed class BarrierBrokenException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public BarrierBrokenException()
        : base("The barrier is broken.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What happened.</param>
    public BarrierBrokenException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public BarrierBrokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
