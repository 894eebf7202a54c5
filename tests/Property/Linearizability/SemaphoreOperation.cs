namespace Interleave.Tests.Property.Linearizability;

/// <summary>The semaphore operations a generated program performs.</summary>
internal enum SemaphoreOperation
{
    /// <summary><c>AcquireAsync</c>: waits while no permit is free.</summary>
    Acquire,

    /// <summary><c>Release</c>: returns a permit; a bounded semaphore refuses one past its bound.</summary>
    Release,

    /// <summary>Reads <c>CurrentCount</c>.</summary>
    Count,
}
