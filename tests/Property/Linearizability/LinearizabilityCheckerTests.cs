using Xunit;
using Kind = Interleave.Tests.Property.Linearizability.QueueOperationKind;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// The checker on hand-written histories: it accepts the linearizable ones, with an order that fits, and
/// rejects the classic non-linearizable ones, so it can say no.
/// </summary>
public class LinearizabilityCheckerTests
{
    private static readonly QueueSpecification Fifo = new(0, QueueDiscipline.Fifo);
    private static readonly SemaphoreSpecification OnePermit = new(1, bound: null);
    private static readonly EventSpecification Event = new();

    [Fact]
    public void Queue_SequentialPutsThenGetsInOrder_Linearizable()
    {
        var verdict = Check(Fifo, Put(1, 1, 0, 1), Put(1, 2, 2, 3), Get(2, "1", 4, 5), Get(2, "2", 6, 7));

        Assert.True(verdict.IsLinearizable);
        Assert.Equal([0, 1, 2, 3], verdict.Order);
    }

    [Fact]
    public void Queue_OverlappingPuts_EitherGetOrderLinearizable()
    {
        // put(1) and put(2) overlap, so either may have gone in first.
        Assert.True(Check(Fifo, Put(1, 1, 0, 3), Put(2, 2, 1, 2), Get(3, "1", 4, 5), Get(3, "2", 6, 7)).IsLinearizable);
        Assert.True(Check(Fifo, Put(1, 1, 0, 3), Put(2, 2, 1, 2), Get(3, "2", 4, 5), Get(3, "1", 6, 7)).IsLinearizable);
    }

    [Fact]
    public void Queue_GetReturnsTheLaterOfTwoOrderedPuts_NotLinearizable()
    {
        // put(1) returned before put(2) was called, yet the first get, after both, returns 2.
        var verdict = Check(Fifo, Put(1, 1, 0, 1), Put(2, 2, 2, 3), Get(3, "2", 4, 5));

        Assert.False(verdict.IsLinearizable);
        Assert.Equal([0, 1], verdict.Order); // both puts fit; the get of 2 is what no state explains
    }

    [Fact]
    public void Queue_TwoGetsReturnTheSameItem_NotLinearizable()
    {
        // The racy queue's failure: both concurrent gets saw item 1, and 2 was never taken.
        var verdict = Check(Fifo, Put(1, 1, 0, 1), Put(1, 2, 2, 3), Get(2, "1", 4, 7), Get(3, "1", 5, 6));

        Assert.False(verdict.IsLinearizable);
    }

    [Fact]
    public void Queue_GetWaitingUntilAConcurrentPut_Linearizable()
    {
        // A blocking get, called on an empty queue, returns the item put while it waited.
        var verdict = Check(Fifo, Get(1, "5", 0, 3), Put(2, 5, 1, 2));

        Assert.True(verdict.IsLinearizable);
        Assert.Equal([1, 0], verdict.Order);
    }

    [Fact]
    public void Queue_GetReturningBeforeThePutWasCalled_NotLinearizable() =>
        Assert.False(Check(Fifo, Get(1, "5", 0, 1), Put(2, 5, 2, 3)).IsLinearizable);

    [Fact]
    public void Queue_TryGetEmptyAfterAPutReturned_NotLinearizable() =>
        Assert.False(Check(Fifo, Put(1, 5, 0, 1), Operation(2, new QueueOperation(Kind.TryGet, 0), QueueSpecification.Nothing, 2, 3)).IsLinearizable);

    [Fact]
    public void Queue_PendingPutExplainsAGet_Linearizable()
    {
        // The put never returned (its task was still running), but the item it was putting was taken.
        Assert.True(Check(Fifo, Pending(1, new QueueOperation(Kind.Put, 5), 0), Get(2, "5", 1, 2)).IsLinearizable);
    }

    [Fact]
    public void Queue_PendingOperationsMayNeverTakeEffect_Linearizable()
    {
        // A get still waiting at the end on an empty queue: it is left out.
        Assert.True(Check(Fifo, Put(1, 5, 0, 1), Get(2, "5", 2, 3), Pending(3, new QueueOperation(Kind.Get, 0), 4)).IsLinearizable);
    }

    [Fact]
    public void Queue_PendingPutCalledAfterTheGetReturned_NotLinearizable() =>
        Assert.False(Check(Fifo, Get(2, "5", 0, 1), Pending(1, new QueueOperation(Kind.Put, 5), 2)).IsLinearizable);

    [Fact]
    public void BoundedQueue_SecondPutReturnsWhileFullAndNoGet_NotLinearizable()
    {
        var capacityOne = new QueueSpecification(1, QueueDiscipline.Fifo);

        Assert.False(Check(capacityOne, Put(1, 1, 0, 1), Put(2, 2, 2, 3)).IsLinearizable);
        Assert.True(Check(capacityOne, Put(1, 1, 0, 1), Put(2, 2, 2, 5), Get(3, "1", 3, 4)).IsLinearizable);
    }

    [Fact]
    public void Semaphore_TwoAcquirersInWithOnePermit_NotLinearizable() =>
        Assert.False(Check(OnePermit, Acquire(1, 0, 2), Acquire(2, 1, 3)).IsLinearizable);

    [Fact]
    public void Semaphore_SecondAcquirerInAfterARelease_Linearizable()
    {
        var verdict = Check(OnePermit, Acquire(1, 0, 1), Acquire(2, 2, 5), Semaphore(1, SemaphoreOperation.Release, SemaphoreSpecification.Done, 3, 4));

        Assert.True(verdict.IsLinearizable);
        Assert.Equal([0, 2, 1], verdict.Order);
    }

    [Fact]
    public void BoundedSemaphore_ReleaseRefusedWhileAPermitIsOut_NotLinearizable()
    {
        var bounded = new SemaphoreSpecification(1, bound: 1);

        Assert.False(Check(bounded, Acquire(1, 0, 1), Semaphore(1, SemaphoreOperation.Release, SemaphoreSpecification.Full, 2, 3)).IsLinearizable);
        Assert.True(Check(bounded, Semaphore(1, SemaphoreOperation.Release, SemaphoreSpecification.Full, 0, 1)).IsLinearizable);
    }

    [Fact]
    public void Event_WaitReturnsBeforeAnySetWasCalled_NotLinearizable() =>
        Assert.False(Check(Event, EventCall(1, EventOperation.Wait, 0, 1), EventCall(2, EventOperation.Set, 2, 3)).IsLinearizable);

    [Fact]
    public void Event_WaiterWokenBySetReturnsAfterAClear_Linearizable()
    {
        // asyncio's rule: the wait took effect at the set, while it was pending, so the clear does not undo it.
        var verdict = Check(Event, EventCall(1, EventOperation.Wait, 0, 5), EventCall(2, EventOperation.Set, 1, 2), EventCall(2, EventOperation.Clear, 3, 4));

        Assert.True(verdict.IsLinearizable);
        Assert.Equal([1, 0, 2], verdict.Order);
    }

    [Fact]
    public void Event_IsSetFalseAfterASetReturned_NotLinearizable() =>
        Assert.False(Check(Event, EventCall(1, EventOperation.Set, 0, 1), Operation(2, EventOperation.IsSet, "false", 2, 3)).IsLinearizable);

    [Fact]
    public void ManyOverlappingReleases_WrongFinalCount_RejectedWithinTheMemoisedBound()
    {
        // Sixteen releases all overlap, then a count reads 20 although at most 17 permits can exist. Without
        // memoisation the search would try all 16! orders; with it, each subset of releases once.
        var releases = Enumerable.Range(0, 16).Select(i => Semaphore(i, SemaphoreOperation.Release, SemaphoreSpecification.Done, i, 100 + i));
        var history = releases.Append(Semaphore(16, SemaphoreOperation.Count, "20", 200, 201)).ToArray();

        var verdict = Check(OnePermit, history);

        Assert.False(verdict.IsLinearizable);
        Assert.InRange(verdict.StatesVisited, 1 << 16, (1 << 16) + 1);
    }

    [Fact]
    public void HistoryWithMoreThanSixtyFourOperations_Refused()
    {
        var history = Enumerable.Range(0, 65).Select(i => Semaphore(i, SemaphoreOperation.Release, SemaphoreSpecification.Done, 2 * i, (2 * i) + 1)).ToArray();

        Assert.Throws<ArgumentException>(() => Check(OnePermit, history));
    }

    private static LinearizabilityVerdict Check<TState, TOperation>(
        ISequentialSpecification<TState, TOperation, string> specification,
        params HistoryOperation<TOperation, string>[] history) =>
        LinearizabilityChecker.Check(history, specification);

    private static HistoryOperation<TOperation, string> Operation<TOperation>(int task, TOperation operation, string result, int call, int returned) =>
        new(task, operation, call, returned, result);

    private static HistoryOperation<TOperation, string> Pending<TOperation>(int task, TOperation operation, int call) =>
        new(task, operation, call, null, null);

    private static HistoryOperation<QueueOperation, string> Put(int task, int item, int call, int returned) =>
        Operation(task, new QueueOperation(Kind.Put, item), QueueSpecification.Accepted, call, returned);

    private static HistoryOperation<QueueOperation, string> Get(int task, string item, int call, int returned) =>
        Operation(task, new QueueOperation(Kind.Get, 0), item, call, returned);

    private static HistoryOperation<SemaphoreOperation, string> Acquire(int task, int call, int returned) =>
        Semaphore(task, SemaphoreOperation.Acquire, SemaphoreSpecification.Done, call, returned);

    private static HistoryOperation<SemaphoreOperation, string> Semaphore(int task, SemaphoreOperation operation, string result, int call, int returned) =>
        Operation(task, operation, result, call, returned);

    private static HistoryOperation<EventOperation, string> EventCall(int task, EventOperation operation, int call, int returned) =>
        Operation(task, operation, EventSpecification.Done, call, returned);
}
