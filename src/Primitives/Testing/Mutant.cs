namespace Interleave.Primitives.Testing;

/// <summary>
/// A deliberate defect the primitives can be switched to (<see cref="Mutation"/>, in Debug builds), so the property
/// suite can show it catches each one. Never set outside the harness's own tests.
/// </summary>
internal enum Mutant
{
    /// <summary>The primitives as they are.</summary>
    None,

    /// <summary>Every waiter queue hands out its newest waiter instead of its oldest.</summary>
    WakeNewestWaiter,

    /// <summary>A lock or semaphore waiter chosen and then cancelled keeps the permit instead of passing it on.</summary>
    CancelledWaiterKeepsPermit,

    /// <summary><c>AsyncCondition.Notify(n)</c> wakes every waiter.</summary>
    NotifyWakesAll,

    /// <summary>A condition waiter notified and then cancelled drops the notification instead of passing it on.</summary>
    CancelledNotificationDropped,

    /// <summary><c>TaskDone</c> does not count the item as finished.</summary>
    TaskDoneNotCounted,

    /// <summary>A cancelled barrier waiter breaks the barrier (as <c>threading.Barrier</c> does) instead of leaving it.</summary>
    BarrierBreaksOnCancellation,

    /// <summary><c>AsyncEvent.Clear</c> leaves the event set.</summary>
    ClearDoesNothing,

    /// <summary><c>Shutdown</c> leaves blocked getters waiting.</summary>
    ShutdownLeavesGettersWaiting,

    /// <summary>The priority queue gives out equal priorities last in, first out.</summary>
    PriorityEqualsNewestFirst,
}
