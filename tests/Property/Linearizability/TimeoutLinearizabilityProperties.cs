using Interleave.Primitives;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// The same programs with a virtual-time timeout on every wait, so the scheduler also explores waiters
/// cancelled before, while and after they are handed an item, a permit or a wake-up: every history is still
/// linearizable once the timed-out operations are left out (they must have taken no effect), so no
/// timed-out waiter consumes, adds or loses anything. Queue programs are not made deadlock-free first: the
/// timeouts end every wait.
/// </summary>
public class TimeoutLinearizabilityProperties
{
    [ScaledProperty(30)]
    public void AsyncQueue_WaitsWithTimeouts_EveryScheduleLinearizable(byte shape, int[] codes)
    {
        var capacity = shape / 3 % 3; // 0 (unbounded), 1 or 2
        LinearizabilityExploration.AssertEveryScheduleLinearizable(
            QueuePrograms.Decode(shape, codes ?? []),
            () => QueuePrograms.Perform(new AsyncQueue<int>(capacity), timeouts: true),
            new QueueSpecification(capacity, QueueDiscipline.Fifo));
    }

    // Unbounded, and the count read only at the end: see SemaphorePrograms.WithoutCountsWhileRunning, and
    // KnownBugs/BoundedSemaphoreCancelledHandOffTests for the bounded semaphore.
    [ScaledProperty(30)]
    public void AsyncSemaphore_AcquiresWithTimeouts_EveryScheduleLinearizable_NoPermitLostOrMadeUp(byte shape, int[] codes)
    {
        var permits = 1 + (shape / 3 % 2);
        LinearizabilityExploration.AssertEveryScheduleLinearizable(
            SemaphorePrograms.WithoutCountsWhileRunning(SemaphorePrograms.Generate(shape, codes ?? [])),
            () => SemaphorePrograms.Perform(new AsyncSemaphore(permits), timeouts: true),
            new SemaphoreSpecification(permits, bound: null));
    }

    [ScaledProperty(30)]
    public void AsyncEvent_WaitsWithTimeouts_EveryScheduleLinearizable(byte shape, int[] codes) =>
        LinearizabilityExploration.AssertEveryScheduleLinearizable(
            EventPrograms.Generate(shape, codes ?? []),
            () => EventPrograms.Perform(new AsyncEvent(), timeouts: true),
            new EventSpecification());
}
