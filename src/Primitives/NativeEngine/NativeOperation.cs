using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives.NativeEngine;

/// <summary>
/// One unit of controlled work of a native iteration: a task's body, a continuation posted to the
/// iteration's context, or a paused task's resumption guarded by the condition it waits for. Numbered in
/// the order the iteration created it, which is how traces name it.
/// </summary>
internal sealed class NativeOperation(NativeIteration iteration, int id, Action callback, Func<bool>? guard)
{
    internal NativeIteration Iteration { get; } = iteration;

    internal int Id { get; } = id;

    internal Action Callback { get; } = callback;

    internal OperationState State { get; set; } = OperationState.Fresh;

    /// <summary>
    /// The primitive the operation's next step is about (the name given at its scheduling point), or null:
    /// fresh, or stopped at a point about no primitive.
    /// </summary>
    internal string? PendingResource { get; set; }

    /// <summary>
    /// The task the operation is a step of, known from its first scheduling point on (a fresh operation's
    /// is not: a posted continuation runs in its task's context, which the scheduler cannot see before it runs).
    /// </summary>
    internal TaskIdentity? Task { get; set; }

    /// <summary>The thread the operation runs on, once started.</summary>
    internal NativeWorker? Worker { get; set; }

    /// <summary>True when the scheduler may choose it: stopped at a point, or fresh with its guard holding.</summary>
    internal bool IsEnabled => State == OperationState.AtPoint || (State == OperationState.Fresh && (guard is null || guard()));
}
