using System.Globalization;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// The sequential model of asyncio's semaphores: a count of free permits; an acquire waits while it is 0;
/// a release adds one, unless the semaphore is bounded and already holds its bound, when it fails and
/// changes nothing.
/// </summary>
/// <param name="initialCount">The permits at first.</param>
/// <param name="bound">The most permits there may be; null for an unbounded semaphore.</param>
internal sealed class SemaphoreSpecification(int initialCount, int? bound) : ISequentialSpecification<int, SemaphoreOperation, string>
{
    /// <summary>The result of an acquire, or a release that returned its permit.</summary>
    public const string Done = "ok";

    /// <summary>The result of a release a bounded semaphore refused (<c>SemaphoreFullException</c>).</summary>
    public const string Full = "full";

    /// <inheritdoc/>
    public int InitialState => initialCount;

    /// <inheritdoc/>
    public override string ToString() => $"{(bound is null ? "semaphore" : "bounded semaphore")} of {initialCount} permit(s)";

    /// <inheritdoc/>
    public (int State, string Result)? Apply(int state, SemaphoreOperation operation) => operation switch
    {
        SemaphoreOperation.Acquire when state == 0 => null,
        SemaphoreOperation.Acquire => (state - 1, Done),
        SemaphoreOperation.Release when bound is { } limit && state >= limit => (state, Full),
        SemaphoreOperation.Release => (state + 1, Done),
        _ => (state, state.ToString(CultureInfo.InvariantCulture)),
    };
}
