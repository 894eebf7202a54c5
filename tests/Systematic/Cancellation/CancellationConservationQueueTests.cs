namespace Interleave.Tests.Systematic.Cancellation;

/// <summary>
/// A cancelled waiter never takes or adds an item another needed: waiters are cancelled at points the
/// scheduler chooses (a canceller task interleaved with everything else), and every explored schedule
/// must conserve the items exactly, as multisets.
/// </summary>
public class CancellationConservationQueueTests
{
    public enum Kind
    {
        Fifo,
        Lifo,
        Priority,
    }

    [Theory]
    [InlineData(Kind.Fifo)]
    [InlineData(Kind.Lifo)]
    [InlineData(Kind.Priority)]
    public void Queue_GettersCancelledAtAnyPoint_EveryItemReceivedOnceOrStillQueued(Kind kind) => Everywhere.Run(async () =>
    {
        var queue = Create(kind, maxSize: 2);
        var sources = new[] { new CancellationTokenSource(), new CancellationTokenSource(), new CancellationTokenSource() };
        var received = new int?[3];
        var cancelled = new bool[3];
        var getters = Enumerable.Range(0, 3).Select(g => ControlledTask.Run(async () =>
        {
            try
            {
                received[g] = await queue.GetAsync(sources[g].Token);
            }
            catch (OperationCanceledException)
            {
                cancelled[g] = true;
            }
        })).ToList();
        var producer = ControlledTask.Run(async () =>
        {
            for (var item = 1; item <= 3; item++)
            {
                await queue.PutAsync(item);
            }
        });

        // Getter 2 is never cancelled, so it must get an item whatever the others did.
        var canceller = ControlledTask.Run(async () =>
        {
            await ControlledTask.Yield();
            sources[0].Cancel();
            await ControlledTask.Yield();
            sources[1].Cancel();
        });

        await Task.WhenAll([.. getters, producer, canceller]);

        for (var g = 0; g < 3; g++)
        {
            Assert.True(cancelled[g] != received[g].HasValue, $"getter {g}: cancelled {cancelled[g]}, received {received[g]}");
        }

        Assert.False(cancelled[2]);
        Assert.NotNull(received[2]);
        var taken = received.Where(item => item.HasValue).Select(item => item!.Value).ToList();
        Assert.Equal(3 - taken.Count, queue.Count);
        Assert.Equal([1, 2, 3], taken.Concat(Drain(queue)).Order());
        Assert.Equal(0, queue.GetterCount);
        Assert.Equal(0, queue.PutterCount);
        Assert.Equal(3, queue.UnfinishedCount);
        Dispose(sources);
    });

    [Theory]
    [InlineData(Kind.Fifo)]
    [InlineData(Kind.Lifo)]
    [InlineData(Kind.Priority)]
    public void Queue_PuttersCancelledAtAnyPoint_OnlyCompletedPutsItemsAppearExactlyOnce(Kind kind) => Everywhere.Run(async () =>
    {
        var queue = Create(kind, maxSize: 1);
        await queue.PutAsync(0);
        var sources = new[] { new CancellationTokenSource(), new CancellationTokenSource() };
        var completed = new bool[2];
        var cancelled = new bool[2];
        var putters = Enumerable.Range(0, 2).Select(p => ControlledTask.Run(async () =>
        {
            try
            {
                await queue.PutAsync(10 + p, sources[p].Token);
                completed[p] = true;
            }
            catch (OperationCanceledException)
            {
                cancelled[p] = true;
            }
        })).ToList();

        // The consumer takes whatever comes until told to stop; its gets can be cancelled too.
        using var stop = new CancellationTokenSource();
        var consumer = ControlledTask.Run(async () =>
        {
            var taken = new List<int>();
            while (true)
            {
                try
                {
                    taken.Add(await queue.GetAsync(stop.Token));
                }
                catch (OperationCanceledException)
                {
                    return taken;
                }
            }
        });
        var canceller = ControlledTask.Run(async () =>
        {
            await ControlledTask.Yield();
            sources[0].Cancel();
            await ControlledTask.Yield();
            sources[1].Cancel();
        });

        await Task.WhenAll([.. putters, canceller]);
        stop.Cancel();
        var consumed = await consumer;

        var expected = new List<int> { 0 };
        for (var p = 0; p < 2; p++)
        {
            Assert.True(completed[p] != cancelled[p], $"putter {p}: completed {completed[p]}, cancelled {cancelled[p]}");
            if (completed[p])
            {
                expected.Add(10 + p);
            }
        }

        Assert.Equal(expected.Count - consumed.Count, queue.Count);
        Assert.Equal(expected.Order(), consumed.Concat(Drain(queue)).Order());
        Assert.Equal(0, queue.GetterCount);
        Assert.Equal(0, queue.PutterCount);
        Assert.Equal(expected.Count, queue.UnfinishedCount);
        Dispose(sources);
    });

    [Fact]
    public void AsyncQueue_GettersAndPuttersCancelledAtAnyPoint_ItemsConserved() => Everywhere.Run(async () =>
    {
        // Both sides wait and both can be cancelled: the hand-off from putter to getter races each cancel.
        var queue = new AsyncQueue<int>(1);
        var putSources = new[] { new CancellationTokenSource(), new CancellationTokenSource() };
        var getSources = new[] { new CancellationTokenSource(), new CancellationTokenSource() };
        var put = new bool[2];
        var got = new int?[2];
        var putters = Enumerable.Range(0, 2).Select(p => ControlledTask.Run(async () =>
        {
            try
            {
                await queue.PutAsync(p + 1, putSources[p].Token);
                put[p] = true;
            }
            catch (OperationCanceledException)
            {
            }
        }));
        var getters = Enumerable.Range(0, 2).Select(g => ControlledTask.Run(async () =>
        {
            try
            {
                got[g] = await queue.GetAsync(getSources[g].Token);
            }
            catch (OperationCanceledException)
            {
            }
        }));
        var canceller = ControlledTask.Run(async () =>
        {
            foreach (var source in new[] { putSources[0], getSources[0], putSources[1], getSources[1] })
            {
                await ControlledTask.Yield();
                source.Cancel();
            }
        });

        await Task.WhenAll([.. putters, .. getters, canceller]);

        var added = Enumerable.Range(0, 2).Where(p => put[p]).Select(p => p + 1);
        var taken = got.Where(item => item.HasValue).Select(item => item!.Value);
        Assert.Equal(added.Order(), taken.Concat(Drain(queue)).Order());
        Assert.Equal(0, queue.GetterCount);
        Assert.Equal(0, queue.PutterCount);
        Assert.Equal(added.Count(), queue.UnfinishedCount);
        Dispose([.. putSources, .. getSources]);
    });

    [Fact]
    public void AsyncQueue_JoinCancelled_LeavesUnfinishedCountIntactAndJoinUsable() => Everywhere.Run(async () =>
    {
        var queue = new AsyncQueue<int>();
        await queue.PutAsync(1);
        await queue.PutAsync(2);
        using var source = new CancellationTokenSource();
        var join = queue.JoinAsync(source.Token);
        Assert.False(join.IsCompleted);

        source.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await join);
        Assert.Equal(2, queue.UnfinishedCount);
        var again = queue.JoinAsync();
        Assert.False(again.IsCompleted);
        await queue.GetAsync();
        queue.TaskDone();
        await queue.GetAsync();
        Assert.False(again.IsCompleted);
        queue.TaskDone();
        await again;
        Assert.Equal(0, queue.UnfinishedCount);
    });

    [Fact]
    public void AsyncQueue_JoinCancelledAtAnyPoint_OtherJoinerStillReleasedAndCountIntact() => Everywhere.Run(async () =>
    {
        var queue = new AsyncQueue<int>();
        await queue.PutAsync(1);
        await queue.PutAsync(2);
        using var source = new CancellationTokenSource();
        var cancellable = ControlledTask.Run(async () =>
        {
            try
            {
                await queue.JoinAsync(source.Token);
                return queue.UnfinishedCount;
            }
            catch (OperationCanceledException)
            {
                return -1;
            }
        });
        var plain = ControlledTask.Run(async () =>
        {
            await queue.JoinAsync();
            return queue.UnfinishedCount;
        });
        var worker = ControlledTask.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                await queue.GetAsync();
                queue.TaskDone();
            }
        });
        var canceller = ControlledTask.Run(async () =>
        {
            await ControlledTask.Yield();
            source.Cancel();
        });

        await Task.WhenAll(worker, canceller);

        // A join returns only when nothing is unfinished; a cancelled one takes nothing with it.
        Assert.Equal(0, await plain);
        Assert.Contains(await cancellable, new[] { 0, -1 });
        Assert.Equal(0, queue.UnfinishedCount);
        Assert.True(queue.JoinAsync().IsCompletedSuccessfully);
    });

    [Fact]
    public void AsyncQueue_PreCancelledTokens_ThrowAtOnceAndChangeNothing() => Everywhere.Run(async () =>
    {
        var queue = new AsyncQueue<int>(1);
        using var source = new CancellationTokenSource();
        source.Cancel();

        var putOnEmpty = queue.PutAsync(1, source.Token);
        Assert.True(putOnEmpty.IsCanceled);
        Assert.Equal(0, queue.Count);
        Assert.Equal(0, queue.UnfinishedCount);
        var getOnEmpty = queue.GetAsync(source.Token);
        Assert.True(getOnEmpty.IsCanceled);
        Assert.Equal(0, queue.GetterCount);

        await queue.PutAsync(2);
        var putter = ControlledTask.Run(async () => await queue.PutAsync(3));
        await Everywhere.UntilAsync(() => queue.PutterCount == 1);

        // An item is there and a putter waits, yet a cancelled get takes nothing and admits nobody.
        var getWithItem = queue.GetAsync(source.Token);
        Assert.True(getWithItem.IsCanceled);
        var putOnFull = queue.PutAsync(4, source.Token);
        Assert.True(putOnFull.IsCanceled);
        var join = queue.JoinAsync(source.Token);
        Assert.True(join.IsCanceled);
        Assert.Equal(1, queue.Count);
        Assert.Equal(1, queue.PutterCount);
        Assert.Equal(1, queue.UnfinishedCount);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await putOnEmpty);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await getOnEmpty);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await getWithItem);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await putOnFull);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await join);
        Assert.Equal(2, await queue.GetAsync());
        await putter;
        Assert.Equal(3, await queue.GetAsync());
        Assert.True(queue.IsEmpty);
        Assert.Equal(2, queue.UnfinishedCount);
    });

    private static AsyncQueue<int> Create(Kind kind, int maxSize) => kind switch
    {
        Kind.Lifo => new AsyncLifoQueue<int>(maxSize),
        Kind.Priority => new AsyncPriorityQueue<int>(maxSize),
        _ => new AsyncQueue<int>(maxSize),
    };

    private static List<int> Drain(AsyncQueue<int> queue)
    {
        var items = new List<int>();
        while (queue.TryGet(out var item))
        {
            items.Add(item);
        }

        return items;
    }

    private static void Dispose(IEnumerable<CancellationTokenSource> sources)
    {
        foreach (var source in sources)
        {
            source.Dispose();
        }
    }
}
