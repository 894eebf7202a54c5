using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives.Waiting;

/// <summary>A primitive that queues <see cref="Waiter{T}"/>s.</summary>
internal interface IWaiterOwner<T>
{
    /// <summary>The primitive, as the reports of its waiters' waits name it.</summary>
    PrimitiveName Primitive { get; }

    /// <summary>
    /// Called when a waiter's token fires. Under the owner's lock: if the waiter is still queued, remove
    /// it, undo what its waiting implied (a barrier breaks), and return true so the waiter is cancelled;
    /// return false if it was already chosen, so it keeps what it was given.
    /// </summary>
    bool TryRemoveCancelled(Waiter<T> waiter);
}
