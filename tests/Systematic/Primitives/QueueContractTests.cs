namespace Interleave.Tests.Systematic.Primitives;

/// <summary>
/// The asyncio 3.13 <c>Queue</c> contract that every queue kind keeps, whatever order it gives items out
/// in: sizes, fast paths, fair waiters, task-done/join, shutdown, pipelines. Derived classes supply the
/// kind and hold its order tests. Where several items sit in the store at once the tests compare sorted.
/// </summary>
public abstract class QueueContractTests
{
    /// <summary>A new queue of the kind under test.</summary>
    protected abstract AsyncQueue<int> CreateQueue(int maxSize);

    /// <summary>
    /// Puts <paramref name="first"/>, gets one item, puts <paramref name="then"/>, and takes the rest: the order
    /// every item came out in, which is what a queue's kind decides.
    /// </summary>
    protected static async Task<List<int>> PutThreeGetOnePutTwoThenDrainAsync(AsyncQueue<int> queue, int[] first, int[] then)
    {
        foreach (var item in first)
        {
            await queue.PutAsync(item);
        }

        var received = new List<int> { await queue.GetAsync() };
        foreach (var item in then)
        {
            await queue.PutAsync(item);
        }

        while (queue.TryGet(out var item))
        {
            received.Add(item);
        }

        return received;
    }

    [Fact]
    public void Queue_Unbounded_NeverFullAndFastPathsCompleteSynchronously() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(0);
        Assert.Equal(0, queue.MaxSize);
        Assert.True(queue.IsEmpty);
        Assert.False(queue.IsFull);
        for (var i = 1; i <= 5; i++)
        {
            var put = queue.PutAsync(i);
            Assert.True(put.IsCompletedSuccessfully);
            await put;
            Assert.Equal(i, queue.Count);
            Assert.False(queue.IsFull);
            Assert.False(queue.IsEmpty);
        }

        var received = new List<int>();
        for (var left = 4; left >= 0; left--)
        {
            var get = queue.GetAsync();
            Assert.True(get.IsCompletedSuccessfully);
            received.Add(await get);
            Assert.Equal(left, queue.Count);
        }

        Assert.Equal([1, 2, 3, 4, 5], received.Order());
        Assert.True(queue.IsEmpty);
        Assert.Equal(5, queue.UnfinishedCount);
        Assert.Equal(0, queue.GetterCount);
        Assert.Equal(0, queue.PutterCount);
    });

    [Fact]
    public void Queue_Bounded_PutWaitsWhileFullAndRoomGoesToTheWaitingPutter() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(2);
        Assert.Equal(2, queue.MaxSize);
        Assert.True(queue.PutAsync(1).IsCompletedSuccessfully);
        Assert.False(queue.IsFull);
        Assert.True(queue.PutAsync(2).IsCompletedSuccessfully);
        Assert.True(queue.IsFull);
        Assert.Equal(2, queue.Count);

        var blocked = queue.PutAsync(3);
        Assert.False(blocked.IsCompleted);
        Assert.Equal(1, queue.PutterCount);
        Assert.Equal(2, queue.Count);
        Assert.Equal(2, queue.UnfinishedCount);

        Assert.True(queue.TryGet(out var first));

        // The freed room is the waiting putter's at once: its item is in, nobody waits, still full.
        Assert.Equal(0, queue.PutterCount);
        Assert.Equal(2, queue.Count);
        Assert.True(queue.IsFull);
        Assert.Equal(3, queue.UnfinishedCount);
        await blocked;

        int[] received = [first, await queue.GetAsync(), await queue.GetAsync()];
        Assert.Equal([1, 2, 3], received.Order());
        Assert.True(queue.IsEmpty);
        Assert.False(queue.IsFull);
    });

    [Fact]
    public void Queue_Full_TryPutReturnsFalseAndAddsNothing() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(1);
        Assert.True(queue.TryPut(7));
        Assert.True(queue.IsFull);

        Assert.False(queue.TryPut(8));
        Assert.Equal(1, queue.Count);
        Assert.Equal(1, queue.UnfinishedCount);
        Assert.Equal(0, queue.PutterCount);

        Assert.Equal(7, await queue.GetAsync());
        Assert.False(queue.TryGet(out _));
        Assert.True(queue.TryPut(9));
        Assert.Equal(2, queue.UnfinishedCount);
    });

    [Fact]
    public void Queue_Empty_TryGetReturnsFalseAndGetWaitsForAPut() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(0);
        Assert.False(queue.TryGet(out var none));
        Assert.Equal(0, none);
        Assert.Equal(0, queue.UnfinishedCount);

        var get = queue.GetAsync();
        Assert.False(get.IsCompleted);
        Assert.Equal(1, queue.GetterCount);

        Assert.True(queue.TryPut(42));

        // Handed straight to the waiting getter: never stored, but unfinished like any put item.
        Assert.Equal(0, queue.GetterCount);
        Assert.Equal(0, queue.Count);
        Assert.Equal(1, queue.UnfinishedCount);
        Assert.Equal(42, await get);
        Assert.False(queue.TryGet(out _));
    });

    [Fact]
    public void Queue_WaitingGetters_ServedInArrivalOrder() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(0);
        var getters = new List<Task<int>>();
        for (var i = 1; i <= 3; i++)
        {
            getters.Add(ControlledTask.Run(async () => await queue.GetAsync()));
            var arrived = i;
            await Everywhere.UntilAsync(() => queue.GetterCount == arrived);
        }

        await queue.PutAsync(10);
        await queue.PutAsync(20);
        await queue.PutAsync(30);

        var received = await Task.WhenAll(getters);
        Assert.Equal([10, 20, 30], received);
        Assert.Equal(0, queue.Count);
        Assert.Equal(3, queue.UnfinishedCount);
    });

    [Fact]
    public void Queue_WaitingPutters_AdmittedInArrivalOrder() => Everywhere.Run(async () =>
    {
        // Size 1 holds one item at a time, so the order out is the admission order for every kind.
        var queue = CreateQueue(1);
        await queue.PutAsync(0);
        var putters = new List<Task>();
        for (var i = 1; i <= 3; i++)
        {
            var item = i;
            putters.Add(ControlledTask.Run(async () => await queue.PutAsync(item)));
            await Everywhere.UntilAsync(() => queue.PutterCount == item);
        }

        var received = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            received.Add(await queue.GetAsync());
            Assert.Equal(Math.Max(0, 2 - i), queue.PutterCount);
        }

        await Task.WhenAll(putters);
        Assert.Equal([0, 1, 2, 3], received);
        Assert.True(queue.IsEmpty);
        Assert.Equal(4, queue.UnfinishedCount);
    });

    [Fact]
    public void Queue_Join_ReturnsAtOnceWhenNothingUnfinishedElseAfterEveryTaskDone() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(0);
        var idle = queue.JoinAsync();
        Assert.True(idle.IsCompletedSuccessfully);
        await idle;

        await queue.PutAsync(1);
        await queue.PutAsync(2);
        var join = queue.JoinAsync();
        Assert.False(join.IsCompleted);
        var otherJoin = ControlledTask.Run(async () =>
        {
            await queue.JoinAsync();
            return queue.UnfinishedCount;
        });

        await queue.GetAsync();
        await queue.GetAsync();
        Assert.Equal(2, queue.UnfinishedCount);
        queue.TaskDone();
        Assert.Equal(1, queue.UnfinishedCount);
        Assert.False(join.IsCompleted);
        queue.TaskDone();

        await join;
        Assert.Equal(0, await otherJoin);
        Assert.Equal(0, queue.UnfinishedCount);
        Assert.True(queue.JoinAsync().IsCompletedSuccessfully);
    });

    [Fact]
    public void Queue_ItemHandedToWaitingGetter_CountsAsUnfinishedUntilTaskDone() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(0);
        var getter = queue.GetAsync();
        Assert.Equal(1, queue.GetterCount);

        await queue.PutAsync(5);
        Assert.Equal(0, queue.Count);
        Assert.Equal(1, queue.UnfinishedCount);
        var join = queue.JoinAsync();
        Assert.False(join.IsCompleted);

        Assert.Equal(5, await getter);
        Assert.False(join.IsCompleted);
        queue.TaskDone();

        await join;
        Assert.Equal(0, queue.UnfinishedCount);
    });

    [Fact]
    public void Queue_ShutDown_PutsThrowButGetsDrainRemainingItemsThenThrow() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(0);
        await queue.PutAsync(1);
        await queue.PutAsync(2);

        queue.Shutdown();

        Assert.True(queue.IsShutDown);
        var putError = await Assert.ThrowsAsync<QueueShutDownException>(async () => await queue.PutAsync(3));
        Assert.Contains(queue.Name, putError.Message, StringComparison.Ordinal);
        Assert.Throws<QueueShutDownException>(() => queue.TryPut(3));
        Assert.Equal(2, queue.Count);

        Assert.True(queue.TryGet(out var first));
        int[] drained = [first, await queue.GetAsync()];
        Assert.Equal([1, 2], drained.Order());
        await Assert.ThrowsAsync<QueueShutDownException>(async () => await queue.GetAsync());
        Assert.Throws<QueueShutDownException>(() => queue.TryGet(out _));

        // Not immediate: the drained items still owe their TaskDone.
        Assert.Equal(2, queue.UnfinishedCount);
        var join = queue.JoinAsync();
        Assert.False(join.IsCompleted);
        queue.TaskDone();
        queue.TaskDone();
        await join;
    });

    [Fact]
    public void Queue_ShutDownWithBlockedGetters_WakesEachWithShutDownException() => Everywhere.Run(async () =>
    {
        // Blocked here rather than in spawned tasks: the wake-up is the same, the exploration cheaper.
        var queue = CreateQueue(0);
        Task<int>[] getters = [queue.GetAsync().AsTask(), queue.GetAsync().AsTask()];
        Assert.Equal(2, queue.GetterCount);

        queue.Shutdown();

        Assert.Equal(0, queue.GetterCount);
        foreach (var getter in getters)
        {
            await Assert.ThrowsAsync<QueueShutDownException>(() => getter);
        }

        Assert.Equal(0, queue.UnfinishedCount);
    });

    [Fact]
    public void Queue_ShutDownWithBlockedPutter_WakesItWithoutAddingItsItem() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(1);
        await queue.PutAsync(1);
        var putter = queue.PutAsync(2).AsTask();
        Assert.Equal(1, queue.PutterCount);

        queue.Shutdown();

        Assert.Equal(0, queue.PutterCount);
        await Assert.ThrowsAsync<QueueShutDownException>(() => putter);
        Assert.Equal(1, queue.Count);
        Assert.Equal(1, queue.UnfinishedCount);
        Assert.Equal(1, await queue.GetAsync());
        await Assert.ThrowsAsync<QueueShutDownException>(async () => await queue.GetAsync());
    });

    [Fact]
    public void Queue_ShutDownImmediately_DiscardsItemsReleasesJoinersAndPutters() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(2);
        await queue.PutAsync(1);
        await queue.PutAsync(2);
        var putter = queue.PutAsync(3).AsTask();
        Assert.Equal(1, queue.PutterCount);
        var join = queue.JoinAsync();
        Assert.False(join.IsCompleted);

        queue.Shutdown(immediate: true);

        Assert.True(queue.IsShutDown);
        Assert.True(queue.IsEmpty);
        Assert.Equal(0, queue.Count);
        Assert.Equal(0, queue.PutterCount);
        Assert.Equal(0, queue.UnfinishedCount);
        await join;
        await Assert.ThrowsAsync<QueueShutDownException>(() => putter);
        await Assert.ThrowsAsync<QueueShutDownException>(async () => await queue.GetAsync());
        Assert.Throws<QueueShutDownException>(() => queue.TryPut(4));
        Assert.True(queue.JoinAsync().IsCompletedSuccessfully);

        // Each discarded item was marked done, so there is nothing left to mark.
        Assert.Throws<InvalidOperationException>(() => queue.TaskDone());
    });

    [Fact]
    public void Queue_ShutDownImmediatelyWithTakenItemNotDone_JoinWaitsForItsTaskDone() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(0);
        await queue.PutAsync(1);
        await queue.PutAsync(2);
        await queue.PutAsync(3);
        await queue.GetAsync();
        var join = queue.JoinAsync();

        queue.Shutdown(immediate: true);

        // Two discarded items are done; the one taken is still being processed.
        Assert.Equal(0, queue.Count);
        Assert.Equal(1, queue.UnfinishedCount);
        Assert.False(join.IsCompleted);
        queue.TaskDone();
        await join;
        Assert.Equal(0, queue.UnfinishedCount);
    });

    [Fact]
    public void Queue_ProducersAndConsumers_EveryItemDeliveredExactlyOnce() => Everywhere.Run(async () =>
    {
        var queue = CreateQueue(1);
        var received = new List<int>();
        var producers = Enumerable.Range(1, 2).Select(p => ControlledTask.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                await queue.PutAsync((p * 10) + i);
            }
        })).ToList();
        var consumers = Enumerable.Range(0, 2).Select(_ => ControlledTask.Run(async () =>
        {
            while (true)
            {
                int item;
                try
                {
                    item = await queue.GetAsync();
                }
                catch (QueueShutDownException)
                {
                    return;
                }

                lock (received)
                {
                    received.Add(item);
                }

                queue.TaskDone();
            }
        })).ToList();

        await Task.WhenAll(producers);
        await queue.JoinAsync();
        Assert.Equal(0, queue.UnfinishedCount);
        queue.Shutdown();
        await Task.WhenAll(consumers);

        Assert.Equal([10, 11, 20, 21], received.Order());
        Assert.True(queue.IsEmpty);
        Assert.Equal(0, queue.GetterCount);
    });

    [Fact]
    public void Queue_NegativeMaxSize_ThrowsArgumentOutOfRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CreateQueue(-1));

        Assert.Equal("maxSize", error.ParamName);
    }

    [Fact]
    public async Task Queue_TaskDoneMoreTimesThanItemsPut_ThrowsNamingTheQueue()
    {
        var queue = CreateQueue(0);
        await queue.PutAsync(1);
        await queue.PutAsync(2);
        await queue.GetAsync();
        queue.TaskDone();
        await queue.GetAsync();
        queue.TaskDone();

        var error = Assert.Throws<InvalidOperationException>(() => queue.TaskDone());

        Assert.Contains(queue.Name, error.Message, StringComparison.Ordinal);
        Assert.Contains("TaskDone", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, queue.UnfinishedCount);
        Assert.True(queue.JoinAsync().IsCompletedSuccessfully);

        // The failed call changed nothing: one more item needs exactly one more TaskDone.
        await queue.PutAsync(3);
        Assert.Equal(1, queue.UnfinishedCount);
        queue.TaskDone();
        Assert.Throws<InvalidOperationException>(() => queue.TaskDone());
    }

    [Fact]
    public void Queue_FreshQueue_TaskDoneThrowsAndCountStaysZero()
    {
        var queue = CreateQueue(3);

        Assert.Throws<InvalidOperationException>(() => queue.TaskDone());

        Assert.Equal(0, queue.UnfinishedCount);
        Assert.Equal(3, queue.MaxSize);
    }
}
