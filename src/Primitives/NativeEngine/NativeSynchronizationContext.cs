namespace Interleave.Primitives.NativeEngine;

/// <summary>
/// The context every operation of a native iteration runs under: what an <c>await</c> posts its continuation
/// to becomes a new operation the scheduler chooses when to run, as Coyote's own context does.
/// </summary>
internal sealed class NativeSynchronizationContext(NativeIteration iteration) : SynchronizationContext
{
    internal NativeIteration Iteration { get; } = iteration;

    public override void Post(SendOrPostCallback d, object? state) => Iteration.Post(d, state);

    // A synchronous send runs on the caller's operation, as part of its step.
    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;
}
