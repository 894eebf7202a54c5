namespace Interleave.Tests.Systematic.Cancellation;

/// <summary>
/// Cancellation at every point the scheduler can choose must conserve what the primitive hands out: a
/// cancelled waiter takes no lock, permit or notification that another waiter needed, and leaves no trace.
/// </summary>
public class CancellationConservationLockTests
{
    private enum Outcome
    {
        Pending,
        Acquired,
        Cancelled,
    }

    [Fact]
    public void AsyncLock_WaitersCancelledAtAnyPoint_EachAcquiresOrThrowsAndLockEndsFree() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        var sources = new[] { new CancellationTokenSource(), new CancellationTokenSource(), new CancellationTokenSource() };
        var outcomes = new Outcome[sources.Length];
        await gate.AcquireAsync();

        var waiters = Acquirers(token => gate.AcquireAsync(token), sources, outcomes, mostInside: 1);

        // Waiter 1 is never cancelled; it must get the lock whatever happens to the others.
        var cancellers = new[] { Cancel(sources[0]), Cancel(sources[2]) };
        await ControlledTask.Yield();
        gate.Release();

        await Task.WhenAll(waiters);
        await Task.WhenAll(cancellers);
        Assert.Equal(Outcome.Acquired, outcomes[1]);
        Assert.DoesNotContain(Outcome.Pending, outcomes);
        Assert.False(gate.IsLocked);
        Assert.Equal(0, gate.WaiterCount);
        Assert.True(gate.AcquireAsync().IsCompletedSuccessfully);
        gate.Release();
        Dispose(sources);
    });

    [Fact]
    public void AsyncLock_ChosenWaiterCancelledBeforeResuming_PassesLockToNextWaiter()
    {
        Everywhere.OnRealThreads(() => ChosenLockWaiterCancelled(exact: false));

        // Only the scheduler can keep the chosen waiter from resuming before the cancel lands.
        Everywhere.UnderCoyote(() => ChosenLockWaiterCancelled(exact: true));
    }

    [Fact]
    public void AsyncLock_PreCancelledToken_ThrowsAndChangesNothing() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        var cancelled = new CancellationToken(canceled: true);

        var onFree = gate.AcquireAsync(cancelled);
        Assert.True(onFree.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await onFree);
        Assert.False(gate.IsLocked);

        using (await gate.AcquireAsync())
        {
            var onHeld = gate.AcquireAsync(cancelled);
            Assert.True(onHeld.IsCanceled);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await onHeld);
            Assert.Equal(0, gate.WaiterCount);
            Assert.True(gate.IsLocked);
        }

        Assert.False(gate.IsLocked);
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Semaphore_WaitersCancelledAtAnyPoint_CountReturnsToInitial(bool bounded) => Everywhere.Run(async () =>
    {
        const int permits = 2;
        AsyncSemaphore semaphore = bounded ? new AsyncBoundedSemaphore(permits) : new AsyncSemaphore(permits);
        var sources = new[]
        {
            new CancellationTokenSource(), new CancellationTokenSource(), new CancellationTokenSource(), new CancellationTokenSource(),
        };
        var outcomes = new Outcome[sources.Length];
        await semaphore.AcquireAsync();
        await semaphore.AcquireAsync();

        var waiters = Acquirers(token => semaphore.AcquireAsync(token), sources, outcomes, mostInside: permits);

        // Waiters 1 and 3 are never cancelled.
        var cancellers = new[] { Cancel(sources[0]), Cancel(sources[2]) };
        await ControlledTask.Yield();
        semaphore.Release();
        await ControlledTask.Yield();
        semaphore.Release();

        await Task.WhenAll(waiters);
        await Task.WhenAll(cancellers);
        Assert.Equal(Outcome.Acquired, outcomes[1]);
        Assert.Equal(Outcome.Acquired, outcomes[3]);
        Assert.DoesNotContain(Outcome.Pending, outcomes);
        Assert.Equal(permits, semaphore.CurrentCount);
        Assert.Equal(0, semaphore.WaiterCount);
        Dispose(sources);
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Semaphore_PreCancelledToken_ThrowsAndTakesNoPermit(bool bounded) => Everywhere.Run(async () =>
    {
        AsyncSemaphore semaphore = bounded ? new AsyncBoundedSemaphore(1) : new AsyncSemaphore(1);
        var cancelled = new CancellationToken(canceled: true);

        var onFree = semaphore.AcquireAsync(cancelled);
        Assert.True(onFree.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await onFree);
        Assert.Equal(1, semaphore.CurrentCount);

        using (await semaphore.AcquireAsync())
        {
            var onEmpty = semaphore.AcquireAsync(cancelled);
            Assert.True(onEmpty.IsCanceled);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await onEmpty);
            Assert.Equal(0, semaphore.CurrentCount);
            Assert.Equal(0, semaphore.WaiterCount);
        }

        Assert.Equal(1, semaphore.CurrentCount);
    });

    [Fact]
    public void AsyncCondition_WaitersCancelledAtAnyPoint_ThrowHoldingLockAndLeaveNoWaiter() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        var sources = new[] { new CancellationTokenSource(), new CancellationTokenSource(), new CancellationTokenSource() };
        var outcomes = new Outcome[sources.Length];
        var inside = 0;
        var finished = 0;

        var waiters = new List<Task>();
        for (var i = 0; i < sources.Length; i++)
        {
            var id = i;
            waiters.Add(ControlledTask.Run(async () =>
            {
                await condition.AcquireAsync();
                try
                {
                    try
                    {
                        await condition.WaitAsync(sources[id].Token);
                        outcomes[id] = Outcome.Acquired;
                    }
                    catch (OperationCanceledException)
                    {
                        Assert.True(condition.IsLocked);
                        outcomes[id] = Outcome.Cancelled;
                    }

                    // Alone inside: a throw without the lock would let two tasks in at once.
                    Assert.Equal(1, Interlocked.Increment(ref inside));
                    await ControlledTask.Yield();
                    Interlocked.Decrement(ref inside);
                }
                finally
                {
                    condition.Release();
                    Interlocked.Increment(ref finished);
                }
            }));
        }

        // Waiter 1 is never cancelled, so only notifications can end its wait.
        var cancellers = new[] { Cancel(sources[0]), Cancel(sources[2]) };
        while (true)
        {
            await Everywhere.UntilAsync(() => condition.WaiterCount > 0 || Volatile.Read(ref finished) == sources.Length);
            if (Volatile.Read(ref finished) == sources.Length)
            {
                break;
            }

            using (await condition.AcquireAsync())
            {
                condition.Notify();
            }
        }

        await Task.WhenAll(waiters);
        await Task.WhenAll(cancellers);
        Assert.Equal(Outcome.Acquired, outcomes[1]);
        Assert.DoesNotContain(Outcome.Pending, outcomes);
        Assert.Equal(0, condition.WaiterCount);
        Assert.False(condition.IsLocked);
        Dispose(sources);
    });

    [Fact]
    public void AsyncCondition_WaiterCancelledAroundNotify_NotificationReachesTheOtherWaiter() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        using var source = new CancellationTokenSource();
        var waiters = await TwoConditionWaiters.StartAsync(condition, source.Token);

        var canceller = Cancel(source);
        await ControlledTask.Yield();
        using (await condition.AcquireAsync())
        {
            condition.Notify();
        }

        await waiters.Cancellable;
        if (waiters.CancellableOutcome == Outcome.Acquired)
        {
            // It used the one notification legitimately; only then does the other need a second.
            using (await condition.AcquireAsync())
            {
                condition.Notify();
            }
        }

        await Task.WhenAll(waiters.Other, canceller);
        Assert.True(waiters.OtherReturned);
        Assert.NotEqual(Outcome.Pending, waiters.CancellableOutcome);
        Assert.Equal(0, condition.WaiterCount);
        Assert.False(condition.IsLocked);
    });

    [Fact]
    public void AsyncCondition_NotifiedWaiterCancelledBeforeReacquiring_PassesNotificationOn() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        using var source = new CancellationTokenSource();
        var waiters = await TwoConditionWaiters.StartAsync(condition, source.Token);

        using (await condition.AcquireAsync())
        {
            condition.Notify();
            Assert.Equal(1, condition.WaiterCount);

            // Cancelled while the notifier still holds the lock, so the waiter cannot have resumed yet.
            source.Cancel();
        }

        await Task.WhenAll(waiters.Cancellable, waiters.Other);
        Assert.Equal(Outcome.Cancelled, waiters.CancellableOutcome);
        Assert.True(waiters.OtherReturned);
        Assert.Equal(0, condition.WaiterCount);
        Assert.False(condition.IsLocked);
    });

    [Fact]
    public void AsyncCondition_WaitForCancelledAtAnyPoint_ThrowsHoldingLock() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        using var source = new CancellationTokenSource();
        var threwHoldingLock = false;
        var waiter = ControlledTask.Run(async () =>
        {
            await condition.AcquireAsync();
            try
            {
                await condition.WaitForAsync(() => false, source.Token);
            }
            catch (OperationCanceledException)
            {
                threwHoldingLock = condition.IsLocked;
            }
            finally
            {
                condition.Release();
            }
        });

        var canceller = Cancel(source);
        await Task.WhenAll(waiter, canceller);
        Assert.True(threwHoldingLock);
        Assert.Equal(0, condition.WaiterCount);
        Assert.False(condition.IsLocked);
    });

    [Fact]
    public void AsyncCondition_PreCancelledToken_WaitThrowsHoldingLockAndLeavesNoWaiter() => Everywhere.Run(async () =>
    {
        var condition = new AsyncCondition();
        using (await condition.AcquireAsync())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                async () => await condition.WaitAsync(new CancellationToken(canceled: true)));
            Assert.True(condition.IsLocked);
            Assert.Equal(0, condition.WaiterCount);
        }

        Assert.False(condition.IsLocked);
    });

    private static async Task ChosenLockWaiterCancelled(bool exact)
    {
        var gate = new AsyncLock();
        using var first = new CancellationTokenSource();
        var firstOutcome = Outcome.Pending;
        var secondAcquired = false;
        await gate.AcquireAsync();
        var firstWaiter = ControlledTask.Run(async () =>
        {
            try
            {
                using (await gate.AcquireAsync(first.Token))
                {
                    firstOutcome = Outcome.Acquired;
                }
            }
            catch (OperationCanceledException)
            {
                firstOutcome = Outcome.Cancelled;
            }
        });
        await Everywhere.UntilAsync(() => gate.WaiterCount == 1);
        var secondWaiter = ControlledTask.Run(async () =>
        {
            using (await gate.AcquireAsync())
            {
                secondAcquired = true;
            }
        });
        await Everywhere.UntilAsync(() => gate.WaiterCount == 2);

        gate.Release();
        if (exact)
        {
            Assert.Equal(1, gate.WaiterCount);
        }

        first.Cancel();

        await Task.WhenAll(firstWaiter, secondWaiter);
        if (exact)
        {
            Assert.Equal(Outcome.Cancelled, firstOutcome);
        }

        Assert.NotEqual(Outcome.Pending, firstOutcome);
        Assert.True(secondAcquired);
        Assert.False(gate.IsLocked);
        Assert.Equal(0, gate.WaiterCount);
    }

    // Cancel, not CancelAsync: the latter runs the callbacks on the thread pool, outside the scheduler.
    private static Task Cancel(CancellationTokenSource source) => ControlledTask.Run(() =>
    {
        source.Cancel();
        return Task.CompletedTask;
    });

    private static void Dispose(IEnumerable<CancellationTokenSource> sources)
    {
        foreach (var source in sources)
        {
            source.Dispose();
        }
    }

    // Two tasks waiting on a condition, in this order: one whose wait can be cancelled, then one whose cannot.
    private sealed class TwoConditionWaiters
    {
        private TwoConditionWaiters()
        {
        }

        internal Task Cancellable { get; private set; } = Task.CompletedTask;

        internal Task Other { get; private set; } = Task.CompletedTask;

        /// <summary>How the cancellable wait ended: notified (and the lock re-acquired), or cancelled holding the lock.</summary>
        internal Outcome CancellableOutcome { get; private set; } = Outcome.Pending;

        internal bool OtherReturned { get; private set; }

        internal static async Task<TwoConditionWaiters> StartAsync(AsyncCondition condition, CancellationToken cancellable)
        {
            var waiters = new TwoConditionWaiters();
            waiters.Cancellable = ControlledTask.Run(async () =>
            {
                using (await condition.AcquireAsync())
                {
                    try
                    {
                        await condition.WaitAsync(cancellable);
                        waiters.CancellableOutcome = Outcome.Acquired;
                    }
                    catch (OperationCanceledException)
                    {
                        Assert.True(condition.IsLocked);
                        waiters.CancellableOutcome = Outcome.Cancelled;
                    }
                }
            });
            await Everywhere.UntilAsync(() => condition.WaiterCount == 1);
            waiters.Other = ControlledTask.Run(async () =>
            {
                using (await condition.AcquireAsync())
                {
                    await condition.WaitAsync();
                    waiters.OtherReturned = true;
                }
            });
            await Everywhere.UntilAsync(() => condition.WaiterCount == 2);
            return waiters;
        }
    }

    // One task per token source, each taking a permit with its token and holding it across a yield (never
    // more than mostInside at once), recording whether it acquired or was cancelled.
    private static List<Task> Acquirers(Func<CancellationToken, ValueTask<Releaser>> acquire, CancellationTokenSource[] sources, Outcome[] outcomes, int mostInside)
    {
        var inside = 0;
        return [.. sources.Select((source, id) => ControlledTask.Run(async () =>
        {
            try
            {
                using (await acquire(source.Token))
                {
                    Assert.InRange(Interlocked.Increment(ref inside), 1, mostInside);
                    outcomes[id] = Outcome.Acquired;
                    await ControlledTask.Yield();
                    Interlocked.Decrement(ref inside);
                }
            }
            catch (OperationCanceledException)
            {
                outcomes[id] = Outcome.Cancelled;
            }
        }))];
    }
}
