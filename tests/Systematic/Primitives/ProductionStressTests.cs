namespace Interleave.Tests.Systematic.Primitives;

/// <summary>
/// The primitives as plain production types on the real thread pool: 8 tasks, 10,000 operations each,
/// and every permit, item, notification and barrier round accounted for at the end.
/// </summary>
public class ProductionStressTests
{
    private const int Tasks = 8;
    private const int OperationsPerTask = 10_000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void AsyncLock_ThreadPoolStress_EveryIncrementCountedAndUnlocked()
    {
        var gate = new AsyncLock();
        var counter = 0;
        var inside = 0;
        RunOnThreadPool(async _ =>
        {
            for (var i = 0; i < OperationsPerTask; i++)
            {
                using (await gate.AcquireAsync())
                {
                    Assert.Equal(1, Interlocked.Increment(ref inside));
                    counter++;
                    Interlocked.Decrement(ref inside);
                }
            }
        });

        Assert.Equal(Tasks * OperationsPerTask, counter);
        Assert.False(gate.IsLocked);
        Assert.Equal(0, gate.WaiterCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AsyncSemaphore_ThreadPoolStress_NeverMoreThanItsPermitsAndAllReturned(bool bounded)
    {
        const int permits = 3;
        var semaphore = bounded ? new AsyncBoundedSemaphore(permits) : new AsyncSemaphore(permits);
        var inside = 0;
        var mostInside = 0;
        var entries = 0;
        RunOnThreadPool(async _ =>
        {
            for (var i = 0; i < OperationsPerTask; i++)
            {
                using (await semaphore.AcquireAsync())
                {
                    var now = Interlocked.Increment(ref inside);
                    Interlocking.Max(ref mostInside, now);
                    Interlocked.Increment(ref entries);
                    Interlocked.Decrement(ref inside);
                }
            }
        });

        Assert.Equal(Tasks * OperationsPerTask, entries);
        Assert.InRange(mostInside, 1, permits);
        Assert.Equal(permits, semaphore.CurrentCount);
        Assert.Equal(0, semaphore.WaiterCount);
    }

    [Fact]
    public void AsyncCondition_ThreadPoolStress_EveryProducedUnitConsumedOnce()
    {
        var condition = new AsyncCondition();
        var available = 0;
        var consumed = 0;
        RunOnThreadPool(async index =>
        {
            var producer = index % 2 == 0;
            for (var i = 0; i < OperationsPerTask; i++)
            {
                using (await condition.AcquireAsync())
                {
                    if (producer)
                    {
                        available++;
                        condition.Notify();
                    }
                    else
                    {
                        await condition.WaitForAsync(() => available > 0);
                        available--;
                        consumed++;
                    }
                }
            }
        });

        Assert.Equal(Tasks / 2 * OperationsPerTask, consumed);
        Assert.Equal(0, available);
        Assert.False(condition.IsLocked);
    }

    [Fact]
    public void AsyncEvent_ThreadPoolStress_EveryWaitReturnsAndNoWaiterIsLeft()
    {
        var signal = new AsyncEvent();
        var waitsReturned = 0;
        RunOnThreadPool(async index =>
        {
            for (var i = 0; i < OperationsPerTask; i++)
            {
                if (index % 2 == 0)
                {
                    signal.Set();
                    if (i % 3 == 0)
                    {
                        signal.Clear();
                    }

                    await Task.Yield();
                }
                else
                {
                    await signal.WaitAsync();
                    Interlocked.Increment(ref waitsReturned);
                }
            }

            // Setters leave the event set, so no waiter can be stranded by a last Clear.
            if (index % 2 == 0)
            {
                signal.Set();
            }
        });

        Assert.Equal(Tasks / 2 * OperationsPerTask, waitsReturned);
        Assert.Equal(0, signal.WaiterCount);
    }

    [Fact]
    public void AsyncBarrier_ThreadPoolStress_EveryRoundHandsOutEachIndexOnce()
    {
        const int rounds = OperationsPerTask / 10; // a barrier round serializes all tasks: keep the run short
        var barrier = new AsyncBarrier(Tasks);
        var indexCounts = new int[Tasks];
        RunOnThreadPool(async _ =>
        {
            for (var i = 0; i < rounds; i++)
            {
                var index = await barrier.WaitAsync();
                Interlocked.Increment(ref indexCounts[index]);
            }
        });

        Assert.All(indexCounts, count => Assert.Equal(rounds, count));
        Assert.Equal(0, barrier.WaitingCount);
        Assert.False(barrier.IsBroken);
    }

    public static TheoryData<string> QueueKinds => new() { "fifo", "lifo", "priority" };

    [Theory]
    [MemberData(nameof(QueueKinds))]
    public void AsyncQueue_ThreadPoolStress_EveryItemDeliveredExactlyOnceAndJoinReturns(string kind)
    {
        AsyncQueue<int> queue = kind switch
        {
            "lifo" => new AsyncLifoQueue<int>(maxSize: 16),
            "priority" => new AsyncPriorityQueue<int>(maxSize: 16),
            _ => new AsyncQueue<int>(maxSize: 16),
        };
        var seen = new int[Tasks / 2 * OperationsPerTask];
        RunOnThreadPool(async index =>
        {
            var producer = index % 2 == 0;
            for (var i = 0; i < OperationsPerTask; i++)
            {
                if (producer)
                {
                    await queue.PutAsync((index / 2 * OperationsPerTask) + i);
                }
                else
                {
                    var item = await queue.GetAsync();
                    Interlocked.Increment(ref seen[item]);
                    queue.TaskDone();
                }
            }
        });

        Assert.True(queue.JoinAsync().IsCompletedSuccessfully, "Every item was marked done, so join returns at once.");
        Assert.All(seen, count => Assert.Equal(1, count));
        Assert.Equal(0, queue.Count);
        Assert.Equal(0, queue.GetterCount);
        Assert.Equal(0, queue.PutterCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AsyncSemaphore_ThreadPoolStressWithCancelledWaits_NoPermitLostOrGained(bool bounded)
    {
        // A permit is taken and given back without the lock while nobody waits, and through the lock
        // while tasks wait; cancelling every third wait at once races cancellations with hand-offs and
        // with the moves between the two.
        const int permits = 2;
        var semaphore = bounded ? new AsyncBoundedSemaphore(permits) : new AsyncSemaphore(permits);
        var inside = 0;
        var mostInside = 0;
        var entries = 0;
        var cancelled = 0;
        RunOnThreadPool(async index =>
        {
            for (var i = 0; i < OperationsPerTask; i++)
            {
                using var cancellation = new CancellationTokenSource();
                var acquisition = semaphore.AcquireAsync(cancellation.Token);
                if ((i + index) % 3 == 0)
                {
                    cancellation.Cancel();
                }

                Releaser releaser;
                try
                {
                    releaser = await acquisition;
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref cancelled);
                    continue;
                }

                using (releaser)
                {
                    Interlocking.Max(ref mostInside, Interlocked.Increment(ref inside));
                    Interlocked.Increment(ref entries);
                    if (i % 4 == 0)
                    {
                        await Task.Yield(); // hold across a hop now and then, so tasks queue up
                    }

                    Interlocked.Decrement(ref inside);
                }
            }
        });

        Assert.Equal(Tasks * OperationsPerTask, entries + cancelled);
        Assert.InRange(mostInside, 1, permits);
        Assert.Equal(permits, semaphore.CurrentCount);
        Assert.Equal(0, semaphore.WaiterCount);
    }

    private static void RunOnThreadPool(Func<int, Task> body)
    {
        var all = Task.WhenAll(Enumerable.Range(0, Tasks).Select(index => Task.Run(() => body(index))));
        Assert.True(all.Wait(Limit), $"The stress run did not finish within {Limit.TotalSeconds} s: a lost wake-up or a hang.");
    }
}
