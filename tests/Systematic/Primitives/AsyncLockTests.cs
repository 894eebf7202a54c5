namespace Interleave.Tests.Systematic.Primitives;

public class AsyncLockTests
{
    [Fact]
    public void AsyncLock_Contended_WaitersServedInArrivalOrder() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        var order = new List<int>();
        var held = await gate.AcquireAsync();
        var waiters = new List<Task>();
        for (var i = 0; i < 3; i++)
        {
            var id = i;
            waiters.Add(ControlledTask.Run(async () =>
            {
                using (await gate.AcquireAsync())
                {
                    order.Add(id);
                }
            }));
            await Everywhere.UntilAsync(() => gate.WaiterCount == id + 1);
        }

        held.Dispose();
        await Task.WhenAll(waiters);
        Assert.Equal([0, 1, 2], order);
        Assert.False(gate.IsLocked);
    });

    [Fact]
    public void AsyncLock_Uncontended_AcquireCompletesSynchronously() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        Assert.False(gate.IsLocked);
        var acquire = gate.AcquireAsync();
        Assert.True(acquire.IsCompletedSuccessfully);
        Assert.True(gate.IsLocked);
        Assert.Equal(0, gate.WaiterCount);
        using (await acquire)
        {
            Assert.True(gate.IsLocked);
        }

        Assert.False(gate.IsLocked);
        Assert.True(gate.AcquireAsync().IsCompletedSuccessfully);
        gate.Release();
        Assert.False(gate.IsLocked);
    });

    [Fact]
    public void AsyncLock_Held_AcquireWaitsUntilReleased() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        var acquired = 0;
        var held = await gate.AcquireAsync();
        var waiter = ControlledTask.Run(async () =>
        {
            using (await gate.AcquireAsync())
            {
                Volatile.Write(ref acquired, 1);
            }
        });
        await Everywhere.UntilAsync(() => gate.WaiterCount == 1);
        await ControlledTask.Yield();
        Assert.Equal(0, Volatile.Read(ref acquired));
        Assert.True(gate.IsLocked);

        held.Dispose();
        await waiter;
        Assert.Equal(1, acquired);
        Assert.False(gate.IsLocked);
    });

    [Fact]
    public void AsyncLock_ReleasedWithWaiters_HandsToFirstWaiter() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        var order = new List<int>();
        var waitersLeftWhenFirstRan = -1;
        var checkedAfterRelease = false;
        await gate.AcquireAsync();
        var first = ControlledTask.Run(async () =>
        {
            using (await gate.AcquireAsync())
            {
                order.Add(1);
                waitersLeftWhenFirstRan = gate.WaiterCount;

                // On real threads it could otherwise finish before the releaser looks.
                await Everywhere.UntilAsync(() => Volatile.Read(ref checkedAfterRelease));
            }
        });
        await Everywhere.UntilAsync(() => gate.WaiterCount == 1);
        var second = ControlledTask.Run(async () =>
        {
            using (await gate.AcquireAsync())
            {
                order.Add(2);
            }
        });
        await Everywhere.UntilAsync(() => gate.WaiterCount == 2);

        gate.Release();

        // Handed over, not unlocked: the first waiter owns it before it even runs.
        Assert.True(gate.IsLocked);
        Assert.Equal(1, gate.WaiterCount);
        Volatile.Write(ref checkedAfterRelease, true);
        await Task.WhenAll(first, second);
        Assert.Equal([1, 2], order);
        Assert.Equal(1, waitersLeftWhenFirstRan);
        Assert.False(gate.IsLocked);
    });

    [Fact]
    public void AsyncLock_NewcomerAfterHandOff_WaitsBehindChosenWaiter() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        var order = new List<string>();
        var held = await gate.AcquireAsync();
        var waiter = ControlledTask.Run(async () =>
        {
            using (await gate.AcquireAsync())
            {
                order.Add("waiter");

                // Keep the lock until the newcomer queues, so its acquire cannot complete by luck.
                await Everywhere.UntilAsync(() => gate.WaiterCount == 1);
            }
        });
        await Everywhere.UntilAsync(() => gate.WaiterCount == 1);
        held.Dispose();

        Assert.True(gate.IsLocked);
        Assert.Equal(0, gate.WaiterCount);
        using (await gate.AcquireAsync())
        {
            order.Add("newcomer");
        }

        await waiter;
        Assert.Equal(["waiter", "newcomer"], order);
        Assert.False(gate.IsLocked);
    });

    [Fact]
    public void AsyncLock_ManyTasksIncrementingAcrossAwaits_NeverOverlap() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        var total = 0;
        var inside = 0;
        var tasks = new List<Task>();
        for (var t = 0; t < 3; t++)
        {
            tasks.Add(ControlledTask.Run(async () =>
            {
                using (await gate.AcquireAsync())
                {
                    Assert.Equal(1, Interlocked.Increment(ref inside));
                    var read = total;
                    await ControlledTask.Yield();
                    total = read + 1;
                    Interlocked.Decrement(ref inside);
                }
            }));
        }

        await Task.WhenAll(tasks);
        Assert.Equal(3, total);
        Assert.False(gate.IsLocked);
        Assert.Equal(0, gate.WaiterCount);
    });

    [Fact]
    public void AsyncLock_ReleaserDisposedByUsing_UnlocksEvenOnException() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        using (await gate.AcquireAsync())
        {
            Assert.True(gate.IsLocked);
        }

        Assert.False(gate.IsLocked);

        var failure = await Assert.ThrowsAsync<FormatException>(async () =>
        {
            using (await gate.AcquireAsync())
            {
                throw new FormatException("inside");
            }
        });
        Assert.Equal("inside", failure.Message);
        Assert.False(gate.IsLocked);
    });

    [Fact]
    public void AsyncLock_ManualReleaseInFinally_UnlocksAndWakesWaiter() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        var waiterRan = false;
        await gate.AcquireAsync();
        Task waiter;
        try
        {
            Assert.True(gate.IsLocked);
            waiter = ControlledTask.Run(async () =>
            {
                await gate.AcquireAsync();
                try
                {
                    waiterRan = true;
                }
                finally
                {
                    gate.Release();
                }
            });
            await Everywhere.UntilAsync(() => gate.WaiterCount == 1);
        }
        finally
        {
            gate.Release();
        }

        await waiter;
        Assert.True(waiterRan);
        Assert.False(gate.IsLocked);
    });

    [Fact]
    public void AsyncLock_ReleasedWhenUnlocked_ThrowsNamingTheLock()
    {
        var gate = new AsyncLock("vault-lock");

        var error = Assert.Throws<InvalidOperationException>(() => gate.Release());

        Assert.Contains("vault-lock", error.Message, StringComparison.Ordinal);
        Assert.Contains("not locked", error.Message, StringComparison.Ordinal);
        Assert.False(gate.IsLocked);
    }

    [Fact]
    public async Task AsyncLock_ReleasedTwiceAfterOneAcquire_SecondReleaseThrows()
    {
        var gate = new AsyncLock();
        await gate.AcquireAsync();
        gate.Release();

        var error = Assert.Throws<InvalidOperationException>(() => gate.Release());

        Assert.Contains(gate.Name, error.Message, StringComparison.Ordinal);
        Assert.False(gate.IsLocked);
        Assert.True(gate.AcquireAsync().IsCompletedSuccessfully);
        Assert.True(gate.IsLocked);
    }

    [Fact]
    public void AsyncLock_DefaultName_CountsInstances()
    {
        var gate = new AsyncLock();

        Assert.StartsWith("AsyncLock#", gate.Name, StringComparison.Ordinal);
        Assert.Equal("named", new AsyncLock("named").Name);
    }

    [Fact]
    public async Task AsyncLock_DefaultReleaserDisposed_ReleasesNothing()
    {
        var gate = new AsyncLock();
        await gate.AcquireAsync();

        default(Releaser).Dispose();

        Assert.True(gate.IsLocked);
        gate.Release();
        Assert.False(gate.IsLocked);
    }
}
