namespace Interleave.Tests.Systematic.Primitives;

public class AsyncBarrierTests
{
    [Fact]
    public void AsyncBarrier_AllPartiesArrive_ReleasedTogetherWithArrivalIndexes() => Everywhere.Run(async () =>
    {
        var barrier = new AsyncBarrier(3);
        var passed = 0;
        var arrivals = new List<Task<int>>();
        for (var i = 0; i < 2; i++)
        {
            var id = i;
            arrivals.Add(ControlledTask.Run(async () =>
            {
                var index = await barrier.WaitAsync();
                Interlocked.Increment(ref passed);
                return index;
            }));

            // Fix the arrival order, so task i must get index i.
            await Everywhere.UntilAsync(() => barrier.WaitingCount == id + 1);
        }

        await ControlledTask.Yield();
        Assert.Equal(0, Volatile.Read(ref passed));
        Assert.Equal(2, barrier.WaitingCount);

        var last = barrier.WaitAsync();

        // The last arriver releases the others and does not wait itself.
        Assert.True(last.IsCompletedSuccessfully);
        Assert.Equal(2, last.Result);
        Assert.Equal(0, barrier.WaitingCount);
        var indexes = await Task.WhenAll(arrivals);
        Assert.Equal([0, 1], indexes);
        Assert.Equal(2, passed);
        Assert.False(barrier.IsBroken);
    });

    [Fact]
    public void AsyncBarrier_ConcurrentArrivals_IndexesArePermutationAndLastIsSynchronous() => Everywhere.Run(async () =>
    {
        const int parties = 4;
        var barrier = new AsyncBarrier(parties);
        var tasks = new List<Task<(int Index, bool Synchronous)>>();
        for (var i = 0; i < parties; i++)
        {
            tasks.Add(ControlledTask.Run(async () =>
            {
                var wait = barrier.WaitAsync();
                var synchronous = wait.IsCompletedSuccessfully;
                return (await wait, synchronous);
            }));
        }

        var results = await Task.WhenAll(tasks);

        Assert.Equal([0, 1, 2, 3], results.Select(r => r.Index).Order());
        Assert.True(results.Single(r => r.Index == parties - 1).Synchronous);
        Assert.Equal(0, barrier.WaitingCount);
        Assert.False(barrier.IsBroken);
    });

    [Fact]
    public void AsyncBarrier_SeveralRounds_ReusedCyclically() => Everywhere.Run(async () =>
    {
        const int parties = 3;
        const int rounds = 3;
        var barrier = new AsyncBarrier(parties);
        var arrived = new int[rounds];
        var indexes = new int[rounds, parties];
        var tasks = new List<Task>();
        for (var t = 0; t < parties; t++)
        {
            var id = t;
            tasks.Add(ControlledTask.Run(async () =>
            {
                for (var round = 0; round < rounds; round++)
                {
                    Interlocked.Increment(ref arrived[round]);
                    indexes[round, id] = await barrier.WaitAsync();

                    // Released together: nobody leaves a round before every party entered it.
                    Assert.Equal(parties, Volatile.Read(ref arrived[round]));
                }
            }));
        }

        await Task.WhenAll(tasks);
        for (var round = 0; round < rounds; round++)
        {
            var got = Enumerable.Range(0, parties).Select(t => indexes[round, t]).Order();
            Assert.Equal([0, 1, 2], got);
        }

        Assert.Equal(0, barrier.WaitingCount);
        Assert.False(barrier.IsBroken);
    });

    [Fact]
    public void AsyncBarrier_Filling_WaitingCountAndPartiesReported() => Everywhere.Run(async () =>
    {
        var barrier = new AsyncBarrier(3);
        Assert.Equal(3, barrier.Parties);
        Assert.Equal(0, barrier.WaitingCount);
        Assert.False(barrier.IsBroken);

        var first = barrier.WaitAsync();
        Assert.False(first.IsCompleted);
        Assert.Equal(1, barrier.WaitingCount);
        var second = ControlledTask.Run(async () => await barrier.WaitAsync());
        await Everywhere.UntilAsync(() => barrier.WaitingCount == 2);
        Assert.False(first.IsCompleted);

        Assert.Equal(2, await barrier.WaitAsync());
        Assert.Equal(0, barrier.WaitingCount);
        Assert.Equal(0, await first);
        Assert.Equal(1, await second);
        Assert.Equal(3, barrier.Parties);

        // A new round starts counting from zero.
        var next = barrier.WaitAsync();
        Assert.Equal(1, barrier.WaitingCount);
        await barrier.AbortAsync();
        await Assert.ThrowsAsync<BarrierBrokenException>(async () => await next);
    });

    [Fact]
    public void AsyncBarrier_Aborted_WaitersAndLaterWaitsThrowBroken() => Everywhere.Run(async () =>
    {
        var barrier = new AsyncBarrier(3);
        var waiters = new List<Task<int>>();
        for (var i = 0; i < 2; i++)
        {
            waiters.Add(ControlledTask.Run(async () => await barrier.WaitAsync()));
        }

        await Everywhere.UntilAsync(() => barrier.WaitingCount == 2);

        var abort = barrier.AbortAsync();

        Assert.True(abort.IsCompletedSuccessfully);
        Assert.True(barrier.IsBroken);
        Assert.Equal(0, barrier.WaitingCount);
        foreach (var waiter in waiters)
        {
            await Assert.ThrowsAsync<BarrierBrokenException>(() => waiter);
        }

        // Later waits fail at once and never queue.
        var later = barrier.WaitAsync();
        Assert.True(later.IsFaulted);
        await Assert.ThrowsAsync<BarrierBrokenException>(async () => await later);
        Assert.Equal(0, barrier.WaitingCount);

        await barrier.AbortAsync();
        Assert.True(barrier.IsBroken);
    });

    [Fact]
    public void AsyncBarrier_ResetWithWaiters_WaitersThrowAndNextRoundWorks() => Everywhere.Run(async () =>
    {
        var barrier = new AsyncBarrier(3);
        var waiters = new List<Task<int>>();
        for (var i = 0; i < 2; i++)
        {
            waiters.Add(ControlledTask.Run(async () => await barrier.WaitAsync()));
        }

        await Everywhere.UntilAsync(() => barrier.WaitingCount == 2);

        var reset = barrier.ResetAsync();

        Assert.True(reset.IsCompletedSuccessfully);
        Assert.False(barrier.IsBroken);
        Assert.Equal(0, barrier.WaitingCount);
        foreach (var waiter in waiters)
        {
            await Assert.ThrowsAsync<BarrierBrokenException>(() => waiter);
        }

        // A fresh round: the reset parties' arrivals are forgotten, so three new ones are needed.
        var fresh = new List<Task<int>>();
        for (var i = 0; i < 2; i++)
        {
            fresh.Add(ControlledTask.Run(async () => await barrier.WaitAsync()));
        }

        await Everywhere.UntilAsync(() => barrier.WaitingCount == 2);
        Assert.False(barrier.IsBroken);
        Assert.Equal(2, await barrier.WaitAsync());
        Assert.Equal([0, 1], (await Task.WhenAll(fresh)).Order());
        Assert.Equal(0, barrier.WaitingCount);
    });

    [Fact]
    public void AsyncBarrier_ResetAfterAbort_UnbrokenAndUsable() => Everywhere.Run(async () =>
    {
        var barrier = new AsyncBarrier(2);
        await barrier.AbortAsync();
        Assert.True(barrier.IsBroken);

        await barrier.ResetAsync();

        Assert.False(barrier.IsBroken);
        Assert.Equal(0, barrier.WaitingCount);
        var other = ControlledTask.Run(async () => await barrier.WaitAsync());
        var mine = await barrier.WaitAsync();
        Assert.Equal([0, 1], new[] { mine, await other }.Order());
        Assert.False(barrier.IsBroken);
    });

    [Fact]
    public void AsyncBarrier_OneParty_ReturnsZeroImmediately() => Everywhere.Run(async () =>
    {
        var barrier = new AsyncBarrier(1);
        for (var round = 0; round < 3; round++)
        {
            var wait = barrier.WaitAsync();
            Assert.True(wait.IsCompletedSuccessfully);
            Assert.Equal(0, await wait);
            Assert.Equal(0, barrier.WaitingCount);
        }

        Assert.Equal(0, await ControlledTask.Run(async () => await barrier.WaitAsync()));
        Assert.False(barrier.IsBroken);
    });

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void AsyncBarrier_PartiesBelowOne_ThrowsArgumentOutOfRange(int parties)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AsyncBarrier(parties));

        Assert.Equal("parties", error.ParamName);
        Assert.Equal(parties, error.ActualValue);
    }

    [Fact]
    public async Task AsyncBarrier_Broken_WaitThrowsNamingTheBarrier()
    {
        var barrier = new AsyncBarrier(2, "rendezvous");
        await barrier.AbortAsync();

        var error = await Assert.ThrowsAsync<BarrierBrokenException>(async () => await barrier.WaitAsync());

        Assert.Contains("rendezvous", error.Message, StringComparison.Ordinal);
        Assert.Contains("broken", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, barrier.WaitingCount);
    }

    [Fact]
    public void AsyncBarrier_DefaultName_CountsInstances()
    {
        Assert.StartsWith("AsyncBarrier#", new AsyncBarrier(1).Name, StringComparison.Ordinal);
        Assert.Equal("gate", new AsyncBarrier(1, "gate").Name);
    }
}
