using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives;

/// <summary>
/// A semaphore that refuses to be released more often than it was acquired: the C# form of asyncio's
/// <c>BoundedSemaphore</c>.
/// </summary>
/// <remarks>
/// Behaves exactly like <see cref="AsyncSemaphore"/> (fair, cancellation-safe), except that a
/// <see cref="AsyncSemaphore.Release"/> that would raise the count above the initial count throws
/// <see cref="SemaphoreFullException"/> and changes nothing.
/// </remarks>
public sealed class AsyncBoundedSemaphore : AsyncSemaphore
{
    private static int _instances;

    /// <summary>Creates a bounded semaphore with <paramref name="initialCount"/> permits, which is also its bound.</summary>
    /// <param name="initialCount">Permits available at first, and the most there can ever be.</param>
    /// <param name="name">A name for traces and diagnostics; defaults to "AsyncBoundedSemaphore#n".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialCount"/> is negative.</exception>
    public AsyncBoundedSemaphore(int initialCount = 1, string? name = null)
        : base(initialCount, initialCount, PrimitiveKind.AsyncBoundedSemaphore, name, ref _instances)
    {
    }
}
