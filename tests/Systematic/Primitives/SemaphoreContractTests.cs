namespace Interleave.Tests.Systematic.Primitives;

/// <summary>What <see cref="AsyncSemaphore"/> and <see cref="AsyncBoundedSemaphore"/> both promise.</summary>
public abstract class SemaphoreContractTests
{
    private protected abstract AsyncSemaphore Create(int initialCount);

    [Fact]
    public void Semaphore_Uncontended_AcquiresCompleteSynchronouslyUntilCountIsZero() => Everywhere.Run(async () =>
    {
        var semaphore = Create(3);
        Assert.Equal(3, semaphore.CurrentCount);
        Assert.False(semaphore.IsLocked);

        for (var expected = 2; expected >= 0; expected--)
        {
            var acquire = semaphore.AcquireAsync();
            Assert.True(acquire.IsCompletedSuccessfully);
            Assert.Equal(expected, semaphore.CurrentCount);
        }

        Assert.True(semaphore.IsLocked);
        var fourth = semaphore.AcquireAsync();
        Assert.False(fourth.IsCompleted);
        Assert.Equal(1, semaphore.WaiterCount);

        semaphore.Release();
        using (await fourth)
        {
            Assert.Equal(0, semaphore.CurrentCount);
        }

        semaphore.Release();
        semaphore.Release();
        Assert.Equal(3, semaphore.CurrentCount);
        Assert.Equal(0, semaphore.WaiterCount);
    });

    [Fact]
    public void Semaphore_Contended_WaitersServedInArrivalOrder() => Everywhere.Run(async () =>
    {
        var semaphore = Create(1);
        var order = new List<int>();
        var held = await semaphore.AcquireAsync();
        var waiters = new List<Task>();
        for (var i = 0; i < 3; i++)
        {
            var id = i;
            waiters.Add(ControlledTask.Run(async () =>
            {
                using (await semaphore.AcquireAsync())
                {
                    order.Add(id);
                }
            }));
            await Everywhere.UntilAsync(() => semaphore.WaiterCount == id + 1);
        }

        held.Dispose();
        await Task.WhenAll(waiters);
        Assert.Equal([0, 1, 2], order);
        Assert.Equal(1, semaphore.CurrentCount);
    });

    [Fact]
    public void Semaphore_ReleasedWithWaiters_HandsPermitToFirstWaiter() => Everywhere.Run(async () =>
    {
        var semaphore = Create(1);
        var order = new List<int>();
        var waitersLeftWhenFirstRan = -1;
        var checkedAfterRelease = false;
        await semaphore.AcquireAsync();
        var first = ControlledTask.Run(async () =>
        {
            using (await semaphore.AcquireAsync())
            {
                order.Add(1);
                waitersLeftWhenFirstRan = semaphore.WaiterCount;

                // On real threads it could otherwise finish before the releaser looks.
                await Everywhere.UntilAsync(() => Volatile.Read(ref checkedAfterRelease));
            }
        });
        await Everywhere.UntilAsync(() => semaphore.WaiterCount == 1);
        var second = ControlledTask.Run(async () =>
        {
            using (await semaphore.AcquireAsync())
            {
                order.Add(2);
            }
        });
        await Everywhere.UntilAsync(() => semaphore.WaiterCount == 2);

        semaphore.Release();

        // The permit goes to the first waiter, never back to the count.
        Assert.Equal(0, semaphore.CurrentCount);
        Assert.True(semaphore.IsLocked);
        Assert.Equal(1, semaphore.WaiterCount);
        Volatile.Write(ref checkedAfterRelease, true);
        await Task.WhenAll(first, second);
        Assert.Equal([1, 2], order);
        Assert.Equal(1, waitersLeftWhenFirstRan);
        Assert.Equal(1, semaphore.CurrentCount);
    });

    [Fact]
    public void Semaphore_NewcomerAfterHandOff_WaitsBehindChosenWaiter() => Everywhere.Run(async () =>
    {
        var semaphore = Create(1);
        var order = new List<string>();
        var held = await semaphore.AcquireAsync();
        var waiter = ControlledTask.Run(async () =>
        {
            using (await semaphore.AcquireAsync())
            {
                order.Add("waiter");

                // Keep the permit until the newcomer queues, so its acquire cannot complete by luck.
                await Everywhere.UntilAsync(() => semaphore.WaiterCount == 1);
            }
        });
        await Everywhere.UntilAsync(() => semaphore.WaiterCount == 1);
        held.Dispose();

        Assert.True(semaphore.IsLocked);
        using (await semaphore.AcquireAsync())
        {
            order.Add("newcomer");
        }

        await waiter;
        Assert.Equal(["waiter", "newcomer"], order);
        Assert.Equal(1, semaphore.CurrentCount);
    });

    [Fact]
    public void Semaphore_InitialCountN_AdmitsExactlyNConcurrently() => Everywhere.Run(async () =>
    {
        const int permits = 2;
        var semaphore = Create(permits);
        var inside = 0;
        var peak = 0;
        var entered = 0;
        var workers = new List<Task>();
        for (var w = 0; w < permits + 2; w++)
        {
            workers.Add(ControlledTask.Run(async () =>
            {
                using (await semaphore.AcquireAsync())
                {
                    var now = Interlocked.Increment(ref inside);
                    Assert.True(now <= permits, $"{now} tasks inside a semaphore of {permits}.");
                    Interlocking.Max(ref peak, now);
                    Interlocked.Increment(ref entered);

                    // The first N stay until N are in, so every schedule reaches the peak.
                    await Everywhere.UntilAsync(() => Volatile.Read(ref entered) >= permits);
                    await ControlledTask.Yield();
                    Interlocked.Decrement(ref inside);
                }
            }));
        }

        await Task.WhenAll(workers);
        Assert.Equal(permits, peak);
        Assert.Equal(permits + 2, entered);
        Assert.Equal(permits, semaphore.CurrentCount);
        Assert.Equal(0, semaphore.WaiterCount);
    });

    [Fact]
    public void Semaphore_ReleaserDisposedByUsing_RestoresCountEvenOnException() => Everywhere.Run(async () =>
    {
        var semaphore = Create(2);
        using (await semaphore.AcquireAsync())
        {
            Assert.Equal(1, semaphore.CurrentCount);
        }

        Assert.Equal(2, semaphore.CurrentCount);

        var failure = await Assert.ThrowsAsync<FormatException>(async () =>
        {
            using (await semaphore.AcquireAsync())
            {
                throw new FormatException("inside");
            }
        });
        Assert.Equal("inside", failure.Message);
        Assert.Equal(2, semaphore.CurrentCount);
    });

    [Fact]
    public void Semaphore_ManualReleaseInFinally_RestoresCountAndWakesWaiter() => Everywhere.Run(async () =>
    {
        var semaphore = Create(1);
        var waiterRan = false;
        await semaphore.AcquireAsync();
        Task waiter;
        try
        {
            Assert.True(semaphore.IsLocked);
            waiter = ControlledTask.Run(async () =>
            {
                await semaphore.AcquireAsync();
                try
                {
                    waiterRan = true;
                }
                finally
                {
                    semaphore.Release();
                }
            });
            await Everywhere.UntilAsync(() => semaphore.WaiterCount == 1);
        }
        finally
        {
            semaphore.Release();
        }

        await waiter;
        Assert.True(waiterRan);
        Assert.Equal(1, semaphore.CurrentCount);
        Assert.False(semaphore.IsLocked);
    });

    [Fact]
    public void Semaphore_NegativeInitialCount_ThrowsArgumentOutOfRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Create(-1));

        Assert.Equal("initialCount", error.ParamName);
    }

    [Fact]
    public void Semaphore_InitialCountZero_IsLockedWithNoPermits()
    {
        var semaphore = Create(0);

        Assert.True(semaphore.IsLocked);
        Assert.Equal(0, semaphore.CurrentCount);
    }
}
