namespace Interleave.Tests.Systematic.Cancellation;

/// <summary>
/// Cancellation of event and barrier waiters: at fixed points, and at every point the scheduler can choose,
/// with the primitive's state checked after each explored schedule.
/// </summary>
public class CancellationConservationSignalTests
{
    private const string Returned = "returned";
    private const string Cancelled = "cancelled";

    [Fact]
    public void AsyncEvent_PreCancelledToken_ThrowsAtOnceAndQueuesNothing() => Everywhere.Run(async () =>
    {
        var ev = new AsyncEvent();
        var token = new CancellationToken(canceled: true);

        var wait = ev.WaitAsync(token);

        Assert.True(wait.IsCanceled);
        Assert.Equal(0, ev.WaiterCount);
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await wait);
        Assert.Equal(token, error.CancellationToken);
        Assert.False(ev.IsSet);

        // Even a set event honours a token that was already cancelled.
        ev.Set();
        Assert.True(ev.WaitAsync(token).IsCanceled);
        Assert.True(ev.IsSet);
        Assert.Equal(0, ev.WaiterCount);
    });

    [Fact]
    public void AsyncEvent_QueuedWaiterCancelled_LeavesQueueAndOthersStillWoken() => Everywhere.Run(async () =>
    {
        var ev = new AsyncEvent();
        using var middle = new CancellationTokenSource();
        var first = ev.WaitAsync();
        var cancelled = ev.WaitAsync(middle.Token);
        var third = ControlledTask.Run(async () => await ev.WaitAsync());
        await Everywhere.UntilAsync(() => ev.WaiterCount == 3);

        middle.Cancel();

        Assert.Equal(2, ev.WaiterCount);
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await cancelled);
        Assert.Equal(middle.Token, error.CancellationToken);
        Assert.False(ev.IsSet);
        Assert.False(first.IsCompleted);

        ev.Set();
        await first;
        await third;
        Assert.Equal(0, ev.WaiterCount);
    });

    [Fact]
    public void AsyncEvent_CancelledAfterSet_WaiterReturnsNormally() => Everywhere.Run(async () =>
    {
        var ev = new AsyncEvent();
        using var cts = new CancellationTokenSource();
        var wait = ev.WaitAsync(cts.Token);
        Assert.Equal(1, ev.WaiterCount);

        // No await in between: the waiter was chosen by the set but has not resumed when its token fires.
        ev.Set();
        cts.Cancel();

        await wait;
        Assert.True(ev.IsSet);
        Assert.Equal(0, ev.WaiterCount);
    });

    [Fact]
    public void AsyncEvent_EveryWaiterCancelled_QueueEmptyAndLaterSetStillSets() => Everywhere.Run(async () =>
    {
        var ev = new AsyncEvent();
        using var cts = new CancellationTokenSource();
        var waiters = new List<Task>();
        for (var i = 0; i < 3; i++)
        {
            waiters.Add(ControlledTask.Run(async () => await ev.WaitAsync(cts.Token)));
        }

        await Everywhere.UntilAsync(() => ev.WaiterCount == 3);
        cts.Cancel();

        Assert.Equal(0, ev.WaiterCount);
        foreach (var waiter in waiters)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        }

        ev.Set();
        Assert.True(ev.IsSet);
        Assert.True(ev.WaitAsync().IsCompletedSuccessfully);
    });

    [Fact]
    public void AsyncEvent_QueuedWaiterCancelledRacingSet_NoOtherWaiterLosesTheWakeUp()
    {
        var outcomes = new OutcomeTally();
        Everywhere.Run(async () =>
        {
            const int waiterCount = 3;
            var ev = new AsyncEvent();
            var sources = Enumerable.Range(0, waiterCount).Select(_ => new CancellationTokenSource()).ToArray();
            var results = new string[waiterCount];
            var waiters = new List<Task>();
            for (var i = 0; i < waiterCount; i++)
            {
                var id = i;
                waiters.Add(ControlledTask.Run(async () => results[id] = await WaitEventAsync(ev, sources[id].Token)));
            }

            await Everywhere.UntilAsync(() => ev.WaiterCount == waiterCount);

            // The scheduler chooses how the cancel and the set interleave; each side records what it saw first.
            var setDone = 0;
            var cancelDone = 0;
            var setSeenByCanceller = false;
            var cancelSeenBySetter = false;
            var canceller = ControlledTask.Run(async () =>
            {
                await ControlledTask.Yield();
                setSeenByCanceller = Volatile.Read(ref setDone) == 1;
                sources[0].Cancel();
                Volatile.Write(ref cancelDone, 1);
            });
            var setter = ControlledTask.Run(async () =>
            {
                await ControlledTask.Yield();
                cancelSeenBySetter = Volatile.Read(ref cancelDone) == 1;
                ev.Set();
                Volatile.Write(ref setDone, 1);
            });
            await Task.WhenAll([.. waiters, canceller, setter]);

            Assert.Equal(Returned, results[1]);
            Assert.Equal(Returned, results[2]);
            Assert.Contains(results[0], new[] { Returned, Cancelled });
            if (setSeenByCanceller)
            {
                Assert.Equal(Returned, results[0]);
            }

            if (cancelSeenBySetter)
            {
                Assert.Equal(Cancelled, results[0]);
            }

            Assert.Equal(0, ev.WaiterCount);
            Assert.True(ev.IsSet);
            outcomes.Add(results[0]);
            DisposeAll(sources);
        });

        // Both outcomes must have been explored, or the test proves nothing about the race.
        Assert.True(outcomes.Count(Returned) > 0, outcomes.ToString());
        Assert.True(outcomes.Count(Cancelled) > 0, outcomes.ToString());
    }

    [Fact]
    public void AsyncEvent_WaitersCancelledWhileArriving_EachReturnsOrCancelsAndQueueEmpty() => Everywhere.Run(async () =>
    {
        // Nothing fixes the arrival order: a token may fire before, while or after its waiter queues.
        const int waiterCount = 3;
        var ev = new AsyncEvent();
        var sources = Enumerable.Range(0, waiterCount).Select(_ => new CancellationTokenSource()).ToArray();
        var results = new string[waiterCount];
        var tasks = new List<Task>();
        for (var i = 0; i < waiterCount; i++)
        {
            var id = i;
            tasks.Add(ControlledTask.Run(async () => results[id] = await WaitEventAsync(ev, sources[id].Token)));
        }

        tasks.Add(ControlledTask.Run(async () =>
        {
            sources[0].Cancel();
            await ControlledTask.Yield();
            sources[1].Cancel();
        }));
        tasks.Add(ControlledTask.Run(async () =>
        {
            await ControlledTask.Yield();
            ev.Set();
        }));
        await Task.WhenAll(tasks);

        Assert.Contains(results[0], new[] { Returned, Cancelled });
        Assert.Contains(results[1], new[] { Returned, Cancelled });
        Assert.Equal(Returned, results[2]);
        Assert.Equal(0, ev.WaiterCount);
        Assert.True(ev.IsSet);
        DisposeAll(sources);
    });

    [Fact]
    public void AsyncBarrier_PreCancelledToken_ThrowsAtOnceAndChangesNothing() => Everywhere.Run(async () =>
    {
        var barrier = new AsyncBarrier(2);
        var other = barrier.WaitAsync();
        Assert.Equal(1, barrier.WaitingCount);
        var token = new CancellationToken(canceled: true);

        var wait = barrier.WaitAsync(token);

        Assert.True(wait.IsCanceled);
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await wait);
        Assert.Equal(token, error.CancellationToken);
        Assert.Equal(1, barrier.WaitingCount);
        Assert.False(barrier.IsBroken);
        Assert.False(other.IsCompleted);

        // The round is still open for a real second party.
        Assert.Equal(1, await ControlledTask.Run(async () => await barrier.WaitAsync()));
        Assert.Equal(0, await other);
        Assert.False(barrier.IsBroken);
    });

    [Fact]
    public void AsyncBarrier_WaitingPartyCancelled_LeavesAndTheRoundStaysWhole() => Everywhere.Run(async () =>
    {
        // CPython's test_filling_tasks_cancel_one, with a party on each side of the one cancelled.
        var barrier = new AsyncBarrier(4);
        using var cts = new CancellationTokenSource();
        var before = ControlledTask.Run(async () => await barrier.WaitAsync());
        await Everywhere.UntilAsync(() => barrier.WaitingCount == 1);
        var victim = ControlledTask.Run(async () => await barrier.WaitAsync(cts.Token));
        await Everywhere.UntilAsync(() => barrier.WaitingCount == 2);
        var after = ControlledTask.Run(async () => await barrier.WaitAsync());
        await Everywhere.UntilAsync(() => barrier.WaitingCount == 3);

        cts.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => victim);
        Assert.Equal(cts.Token, cancelled.CancellationToken);
        Assert.False(barrier.IsBroken);
        Assert.Equal(2, barrier.WaitingCount);
        Assert.False(before.IsCompleted);
        Assert.False(after.IsCompleted);

        // Two more arrivals complete the round; each index is the number waiting at its arrival.
        var third = ControlledTask.Run(async () => await barrier.WaitAsync());
        await Everywhere.UntilAsync(() => barrier.WaitingCount == 3);
        Assert.Equal(3, await barrier.WaitAsync());
        int[] indexes = [await before, await after, await third];
        Assert.Equal([0, 2, 2], indexes);
        Assert.False(barrier.IsBroken);
        Assert.Equal(0, barrier.WaitingCount);
        var fresh = await FullRoundAsync(barrier);
        Assert.Equal([0, 1, 2, 3], fresh);
    });

    [Fact]
    public void AsyncBarrier_CancelledAfterRelease_KeepsItsIndex() => Everywhere.Run(async () =>
    {
        var barrier = new AsyncBarrier(2);
        using var cts = new CancellationTokenSource();
        var chosen = barrier.WaitAsync(cts.Token);
        Assert.Equal(1, await ControlledTask.Run(async () => await barrier.WaitAsync()));

        // Released by the round but perhaps not yet resumed: the late cancel must not take the index back.
        cts.Cancel();

        Assert.Equal(0, await chosen);
        Assert.False(barrier.IsBroken);
        Assert.Equal(0, barrier.WaitingCount);
    });

    [Fact]
    public void AsyncBarrier_PartyCancelledAnywhere_RoundCompletesWithOrWithoutIt()
    {
        var outcomes = new OutcomeTally();
        Everywhere.Run(async () =>
        {
            const int parties = 3;
            var barrier = new AsyncBarrier(parties);
            using var victimCts = new CancellationTokenSource();
            var results = new string?[parties];
            var victimArrived = 0;
            var roundDone = 0;
            var roundSeenByCanceller = false;
            var replacementIndex = -1;
            var tasks = new List<Task>();
            for (var i = 0; i < parties; i++)
            {
                var id = i;
                tasks.Add(ControlledTask.Run(async () =>
                {
                    if (id != 0)
                    {
                        await ControlledTask.Yield();
                    }

                    try
                    {
                        var wait = barrier.WaitAsync(id == 0 ? victimCts.Token : default);
                        if (id == 0)
                        {
                            Volatile.Write(ref victimArrived, 1);
                        }

                        // A ValueTask is consumed once: note whether it completed at once, then await it.
                        var synchronous = wait.IsCompletedSuccessfully;
                        var index = await wait;
                        if (synchronous && index == parties - 1)
                        {
                            Volatile.Write(ref roundDone, 1);
                        }

                        results[id] = $"index {index}";
                    }
                    catch (OperationCanceledException)
                    {
                        results[id] = Cancelled;
                    }
                }));
            }

            // Cancel only once the victim has arrived (a token cancelled earlier changes nothing), then at
            // whatever point the scheduler picks; a victim that left is replaced, so the round can complete.
            tasks.Add(ControlledTask.Run(async () =>
            {
                await Everywhere.UntilAsync(() => Volatile.Read(ref victimArrived) == 1);
                await ControlledTask.Yield();
                roundSeenByCanceller = Volatile.Read(ref roundDone) == 1;
                victimCts.Cancel();
                await Everywhere.UntilAsync(() => Volatile.Read(ref results[0]) is not null);
                if (results[0] == Cancelled)
                {
                    replacementIndex = await barrier.WaitAsync();
                }
            }));
            await Task.WhenAll(tasks);

            Assert.False(barrier.IsBroken);
            Assert.Equal(0, barrier.WaitingCount);
            if (results[0] != Cancelled)
            {
                // The cancel came after the round: every party got a distinct index.
                Assert.Equal(["index 0", "index 1", "index 2"], results.Order(StringComparer.Ordinal));
                outcomes.Add(Returned);
            }
            else
            {
                // The victim left while waiting: the other two and the replacement made the round.
                Assert.False(roundSeenByCanceller);
                Assert.All(results.Skip(1), r => Assert.StartsWith("index ", r, StringComparison.Ordinal));
                outcomes.Add(Cancelled);
            }

            Assert.Equal(results[0] == Cancelled, replacementIndex >= 0);
            var fresh = await FullRoundAsync(barrier);
            Assert.Equal([0, 1, 2], fresh);
        });

        Assert.True(outcomes.Count(Returned) > 0, outcomes.ToString());
        Assert.True(outcomes.Count(Cancelled) > 0, outcomes.ToString());
    }

    private static async Task<string> WaitEventAsync(AsyncEvent ev, CancellationToken token)
    {
        try
        {
            await ev.WaitAsync(token);
            return Returned;
        }
        catch (OperationCanceledException error)
        {
            Assert.Equal(token, error.CancellationToken);
            return Cancelled;
        }
    }

    /// <summary>Runs one complete round, the caller arriving last; returns the indexes sorted.</summary>
    private static async Task<int[]> FullRoundAsync(AsyncBarrier barrier)
    {
        var others = Enumerable.Range(0, barrier.Parties - 1)
            .Select(_ => ControlledTask.Run(async () => await barrier.WaitAsync()))
            .ToList();
        await Everywhere.UntilAsync(() => barrier.WaitingCount == barrier.Parties - 1);
        var last = await barrier.WaitAsync();
        Assert.Equal(barrier.Parties - 1, last);
        return [.. (await Task.WhenAll(others)).Append(last).Order()];
    }

    private static void DisposeAll(CancellationTokenSource[] sources)
    {
        foreach (var source in sources)
        {
            source.Dispose();
        }
    }

    /// <summary>Counts outcomes across every run of a body, real-thread and explored.</summary>
    private sealed class OutcomeTally
    {
        private readonly Dictionary<string, int> _counts = [];

        public void Add(string outcome)
        {
            lock (_counts)
            {
                _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;
            }
        }

        public int Count(string outcome)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(outcome);
            }
        }

        public override string ToString()
        {
            lock (_counts)
            {
                return "outcomes: " + string.Join(", ", _counts.Select(p => $"{p.Key} = {p.Value}"));
            }
        }
    }
}
