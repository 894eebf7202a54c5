using System.Collections.Concurrent;

namespace Interleave.Tests.Systematic.Primitives;

public class AsyncConditionTests
{
    [Fact]
    public void AsyncCondition_Uncontended_AcquireCompletesSynchronouslyAndLocks() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        Assert.False(condition.IsLocked);
        var acquire = condition.AcquireAsync();
        Assert.True(acquire.IsCompletedSuccessfully);
        using (await acquire)
        {
            Assert.True(condition.IsLocked);
            Assert.True(condition.Lock.IsLocked);
        }

        Assert.False(condition.IsLocked);
    });

    [Fact]
    public void AsyncCondition_NotifyTwoOfThree_WakesExactlyTheTwoLongestWaiting() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        var woken = new ConcurrentQueue<int>();
        var waiters = await WaitersInOrderAsync(condition, 3, woken);

        using (await condition.AcquireAsync())
        {
            condition.Notify(0);
            Assert.Equal(3, condition.WaiterCount);
            condition.Notify(2);
            Assert.Equal(1, condition.WaiterCount);
        }

        await Everywhere.UntilAsync(() => woken.Count == 2);
        using (await condition.AcquireAsync())
        {
            Assert.Equal([0, 1], woken.Order());
            Assert.Equal(1, condition.WaiterCount);
            condition.Notify(2);
        }

        await Task.WhenAll(waiters);
        Assert.Equal([0, 1, 2], woken.Order());
    });

    [Fact]
    public void AsyncCondition_NotifyAll_WakesEveryWaiter() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        var returned = 0;
        var waiters = new List<Task>();
        for (var i = 0; i < 3; i++)
        {
            waiters.Add(ControlledTask.Run(async () =>
            {
                using (await condition.AcquireAsync())
                {
                    await condition.WaitAsync();
                    Interlocked.Increment(ref returned);
                }
            }));
        }

        await Everywhere.UntilAsync(() => condition.WaiterCount == 3);
        using (await condition.AcquireAsync())
        {
            condition.NotifyAll();
            Assert.Equal(0, condition.WaiterCount);
        }

        await Task.WhenAll(waiters);
        Assert.Equal(3, returned);
        Assert.False(condition.IsLocked);
    });

    [Fact]
    public void AsyncCondition_NotifyOneAtATime_WakesInWaitOrder() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        var woken = new ConcurrentQueue<int>();
        var waiters = await WaitersInOrderAsync(condition, 3, woken);

        for (var k = 0; k < 3; k++)
        {
            using (await condition.AcquireAsync())
            {
                condition.Notify();
            }

            var expected = k + 1;
            await Everywhere.UntilAsync(() => woken.Count == expected);
        }

        await Task.WhenAll(waiters);
        Assert.Equal([0, 1, 2], woken);
    });

    [Fact]
    public void AsyncCondition_Notified_ReturnsHoldingLockOnlyAfterNotifierReleases() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        var notifierReleased = false;
        var waiter = ControlledTask.Run(async () =>
        {
            using (await condition.AcquireAsync())
            {
                await condition.WaitAsync();
                Assert.True(condition.IsLocked);
                Assert.True(Volatile.Read(ref notifierReleased));
            }
        });
        await Everywhere.UntilAsync(() => condition.WaiterCount == 1);

        await condition.AcquireAsync();
        try
        {
            condition.Notify();
            await ControlledTask.Yield();
            Volatile.Write(ref notifierReleased, true);
        }
        finally
        {
            condition.Release();
        }

        await waiter;
        Assert.False(condition.IsLocked);
    });

    [Fact]
    public void AsyncCondition_NotifyWithoutWaiters_IsNotRemembered() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        var returned = 0;
        using (await condition.AcquireAsync())
        {
            condition.Notify();
            condition.NotifyAll();
        }

        var waiter = ControlledTask.Run(async () =>
        {
            using (await condition.AcquireAsync())
            {
                await condition.WaitAsync();
                Volatile.Write(ref returned, 1);
            }
        });
        await Everywhere.UntilAsync(() => condition.WaiterCount == 1);
        await ControlledTask.Yield();
        Assert.Equal(0, Volatile.Read(ref returned));

        using (await condition.AcquireAsync())
        {
            condition.Notify();
        }

        await waiter;
        Assert.Equal(1, returned);
    });

    [Fact]
    public void AsyncCondition_WaitForPredicateAlreadyTrue_ReturnsSynchronouslyWithoutWaiting() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        var checks = 0;
        using (await condition.AcquireAsync())
        {
            var wait = condition.WaitForAsync(() => ++checks > 0);
            Assert.True(wait.IsCompletedSuccessfully);
            await wait;
            Assert.Equal(1, checks);
            Assert.True(condition.IsLocked);
            Assert.Equal(0, condition.WaiterCount);
        }

        Assert.False(condition.IsLocked);
    });

    [Fact]
    public void AsyncCondition_WaitForPredicateFalse_ReturnsOnlyOncePredicateHolds() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        var value = 0;
        var seen = -1;
        var checks = 0;
        var waiter = ControlledTask.Run(async () =>
        {
            using (await condition.AcquireAsync())
            {
                await condition.WaitForAsync(() =>
                {
                    checks++;
                    return value >= 3;
                });
                seen = value;
                Assert.True(condition.IsLocked);
            }
        });

        for (var step = 1; step <= 3; step++)
        {
            await Everywhere.UntilAsync(() => condition.WaiterCount == 1);
            using (await condition.AcquireAsync())
            {
                value = step;
                condition.NotifyAll();
            }
        }

        await waiter;
        Assert.Equal(3, seen);

        // Once before waiting, then once after each of the three notifications.
        Assert.Equal(4, checks);
        Assert.False(condition.IsLocked);
    });

    [Fact]
    public void AsyncCondition_NotifiedWhileOthersQueueForLock_ReacquiresAfterThemAndSeesChangedState() =>
        Everywhere.Run(async () =>
        {
            // Mesa semantics: notify only makes the waiter runnable; it queues for the lock like anyone else.
            var condition = new AsyncCondition();
            var items = 0;
            var seenByWaiter = -1;
            var takenByThief = -1;
            var waiter = ControlledTask.Run(async () =>
            {
                using (await condition.AcquireAsync())
                {
                    await condition.WaitAsync();
                    seenByWaiter = items;
                }
            });
            await Everywhere.UntilAsync(() => condition.WaiterCount == 1);

            Task thief;
            using (await condition.AcquireAsync())
            {
                thief = ControlledTask.Run(async () =>
                {
                    using (await condition.AcquireAsync())
                    {
                        takenByThief = items;
                        items = 0;
                    }
                });
                await Everywhere.UntilAsync(() => condition.Lock.WaiterCount == 1);
                items = 1;
                condition.Notify();
                await Everywhere.UntilAsync(() => condition.Lock.WaiterCount == 2);
            }

            await Task.WhenAll(waiter, thief);
            Assert.Equal(1, takenByThief);
            Assert.Equal(0, seenByWaiter);
            Assert.False(condition.IsLocked);
        });

    [Fact]
    public void AsyncCondition_SharingExternalLock_LocksTogetherAndNotifiesSeparately() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        var notEmpty = new AsyncCondition(gate);
        var notFull = new AsyncCondition(gate);
        Assert.Same(gate, notEmpty.Lock);
        Assert.Same(gate, notFull.Lock);
        var returned = 0;
        var waiter = ControlledTask.Run(async () =>
        {
            await gate.AcquireAsync();
            try
            {
                await notEmpty.WaitAsync();
                Assert.True(gate.IsLocked);
                Volatile.Write(ref returned, 1);
            }
            finally
            {
                gate.Release();
            }
        });
        await Everywhere.UntilAsync(() => notEmpty.WaiterCount == 1 && !gate.IsLocked);

        using (await notFull.AcquireAsync())
        {
            Assert.True(gate.IsLocked);
            Assert.True(notEmpty.IsLocked);
            notFull.NotifyAll();
            Assert.Equal(1, notEmpty.WaiterCount);
        }

        await ControlledTask.Yield();
        Assert.Equal(0, Volatile.Read(ref returned));

        using (await gate.AcquireAsync())
        {
            notEmpty.Notify();
            Assert.Equal(0, notEmpty.WaiterCount);
        }

        await waiter;
        Assert.Equal(1, returned);
        Assert.False(gate.IsLocked);
    });

    [Fact]
    public void AsyncCondition_BoundedBufferOnSharedLock_DeliversEveryItemInOrder() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        var notEmpty = new AsyncCondition(gate);
        var notFull = new AsyncCondition(gate);
        var buffer = new Queue<int>();
        var received = new List<int>();
        var producer = ControlledTask.Run(async () =>
        {
            for (var item = 1; item <= 4; item++)
            {
                using (await gate.AcquireAsync())
                {
                    await notFull.WaitForAsync(() => buffer.Count < 1);
                    buffer.Enqueue(item);
                    notEmpty.Notify();
                }
            }
        });
        var consumer = ControlledTask.Run(async () =>
        {
            for (var taken = 0; taken < 4; taken++)
            {
                using (await gate.AcquireAsync())
                {
                    await notEmpty.WaitForAsync(() => buffer.Count > 0);
                    Assert.Single(buffer);
                    received.Add(buffer.Dequeue());
                    notFull.Notify();
                }
            }
        });

        await Task.WhenAll(producer, consumer);
        Assert.Equal([1, 2, 3, 4], received);
        Assert.Empty(buffer);
        Assert.False(gate.IsLocked);
    });

    [Fact]
    public async Task AsyncCondition_WaitWithoutLock_FailsAtOnceNamingTheCondition()
    {
        var condition = new AsyncCondition(name: "orders");

        var wait = condition.WaitAsync();

        Assert.True(wait.IsFaulted);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await wait);
        Assert.Contains("orders", error.Message, StringComparison.Ordinal);
        Assert.Contains("lock is not held", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, condition.WaiterCount);
        Assert.False(condition.IsLocked);
    }

    [Fact]
    public async Task AsyncCondition_WaitForWithoutLock_PredicateTrue_ReturnsAtOnce()
    {
        // asyncio's wait_for checks the predicate before it waits, and only a wait needs the lock.
        var condition = new AsyncCondition(name: "orders");
        var checks = 0;

        var wait = condition.WaitForAsync(() => ++checks > 0);

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
        Assert.Equal(1, checks);
        Assert.False(condition.IsLocked);
        Assert.Equal(0, condition.WaiterCount);
    }

    [Fact]
    public async Task AsyncCondition_WaitForWithoutLock_PredicateFalse_FailsAfterOneCheck()
    {
        var condition = new AsyncCondition(name: "orders");
        var checks = 0;

        var wait = condition.WaitForAsync(() => ++checks > 1);

        Assert.True(wait.IsFaulted);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await wait);
        Assert.Contains("orders", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, checks);
        Assert.Equal(0, condition.WaiterCount);
    }

    [Fact]
    public async Task AsyncCondition_WaitForNullPredicate_ThrowsArgumentNull()
    {
        var condition = new AsyncCondition();
        using (await condition.AcquireAsync())
        {
            await Assert.ThrowsAsync<ArgumentNullException>(async () => await condition.WaitForAsync(null!));
        }
    }

    [Fact]
    public void AsyncCondition_ReleasedWhenUnlocked_ThrowsNamingItsLock()
    {
        var condition = new AsyncCondition(name: "orders");

        var error = Assert.Throws<InvalidOperationException>(() => condition.Release());

        Assert.Contains("orders.lock", error.Message, StringComparison.Ordinal);
    }

    // Waiters 0, 1, ... started one after another, each waiting before the next starts; each enqueues its
    // number once notified.
    private static async Task<List<Task>> WaitersInOrderAsync(AsyncCondition condition, int count, ConcurrentQueue<int> woken)
    {
        var waiters = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var id = i;
            waiters.Add(ControlledTask.Run(async () =>
            {
                using (await condition.AcquireAsync())
                {
                    await condition.WaitAsync();
                    woken.Enqueue(id);
                }
            }));
            await Everywhere.UntilAsync(() => condition.WaiterCount == id + 1);
        }

        return waiters;
    }
}
