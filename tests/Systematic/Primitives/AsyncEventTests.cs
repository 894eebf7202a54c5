using System.Collections.Concurrent;

namespace Interleave.Tests.Systematic.Primitives;

public class AsyncEventTests
{
    [Fact]
    public void AsyncEvent_New_IsNotSetAndWaitBlocksUntilSet() => Everywhere.Run(async () =>
    {
        var ev = new AsyncEvent();
        Assert.False(ev.IsSet);
        Assert.Equal(0, ev.WaiterCount);

        var wait = ev.WaitAsync();

        Assert.False(wait.IsCompleted);
        Assert.Equal(1, ev.WaiterCount);
        ev.Set();
        await wait;
        Assert.True(ev.IsSet);
        Assert.Equal(0, ev.WaiterCount);
    });

    [Fact]
    public void AsyncEvent_SetWithWaiters_WakesEveryWaiter() => Everywhere.Run(async () =>
    {
        const int waiterCount = 3;
        var ev = new AsyncEvent();
        var returned = 0;
        var waiters = new List<Task>();
        for (var i = 0; i < waiterCount; i++)
        {
            waiters.Add(ControlledTask.Run(async () =>
            {
                await ev.WaitAsync();
                Interlocked.Increment(ref returned);
            }));
        }

        await Everywhere.UntilAsync(() => ev.WaiterCount == waiterCount);
        await ControlledTask.Yield();
        Assert.Equal(0, Volatile.Read(ref returned));

        ev.Set();

        // All are dequeued by the one Set, before any of them runs.
        Assert.Equal(0, ev.WaiterCount);
        await Task.WhenAll(waiters);
        Assert.Equal(waiterCount, returned);
        Assert.True(ev.IsSet);
    });

    [Fact]
    public void AsyncEvent_AlreadySet_WaitCompletesSynchronously() => Everywhere.Run(async () =>
    {
        var ev = new AsyncEvent();
        ev.Set();

        for (var i = 0; i < 3; i++)
        {
            var wait = ev.WaitAsync();
            Assert.True(wait.IsCompletedSuccessfully);
            await wait;
        }

        // A task started after the set passes straight through too.
        var passed = await ControlledTask.Run(async () =>
        {
            var wait = ev.WaitAsync();
            var synchronous = wait.IsCompletedSuccessfully;
            await wait;
            return synchronous;
        });
        Assert.True(passed);
        Assert.True(ev.IsSet);
        Assert.Equal(0, ev.WaiterCount);
    });

    [Fact]
    public void AsyncEvent_Cleared_LaterWaitsBlockUntilNextSet() => Everywhere.Run(async () =>
    {
        var ev = new AsyncEvent();
        var returned = 0;
        ev.Set();
        ev.Clear();
        Assert.False(ev.IsSet);

        var waiter = ControlledTask.Run(async () =>
        {
            await ev.WaitAsync();
            Volatile.Write(ref returned, 1);
        });
        await Everywhere.UntilAsync(() => ev.WaiterCount == 1);
        await ControlledTask.Yield();
        Assert.Equal(0, Volatile.Read(ref returned));
        var second = ev.WaitAsync();
        Assert.False(second.IsCompleted);
        Assert.Equal(2, ev.WaiterCount);

        ev.Set();
        await second;
        await waiter;
        Assert.Equal(1, returned);
        Assert.Equal(0, ev.WaiterCount);
    });

    [Fact]
    public void AsyncEvent_ClearedBeforeWokenWaiterResumes_WaiterStillReturns() => Everywhere.Run(async () =>
    {
        var ev = new AsyncEvent();
        var returned = 0;
        var inTask = ControlledTask.Run(async () =>
        {
            await ev.WaitAsync();
            Interlocked.Increment(ref returned);
        });
        await Everywhere.UntilAsync(() => ev.WaiterCount == 1);
        var inRoot = ev.WaitAsync();
        Assert.Equal(2, ev.WaiterCount);

        // No await between Set and Clear: the root's own waiter cannot have resumed yet.
        ev.Set();
        ev.Clear();

        Assert.False(ev.IsSet);
        Assert.Equal(0, ev.WaiterCount);
        await inRoot;
        await inTask;
        Assert.Equal(1, returned);

        // The clear still holds for newcomers.
        var late = ev.WaitAsync();
        Assert.False(late.IsCompleted);
        Assert.Equal(1, ev.WaiterCount);
        ev.Set();
        await late;
    });

    [Fact]
    public void AsyncEvent_SetWithNoWaiters_StaysSet() => Everywhere.Run(async () =>
    {
        var ev = new AsyncEvent();

        ev.Set();
        await ControlledTask.Yield();
        ev.Set();

        Assert.True(ev.IsSet);
        Assert.Equal(0, ev.WaiterCount);
        Assert.True(ev.WaitAsync().IsCompletedSuccessfully);
        Assert.True(ev.IsSet);
    });

    [Fact]
    public void AsyncEvent_SetClearCycles_EachWaveOfWaitersWokenOnce() => Everywhere.Run(async () =>
    {
        var ev = new AsyncEvent();
        var woken = 0;
        for (var wave = 1; wave <= 2; wave++)
        {
            var waiters = new List<Task>();
            for (var i = 0; i < 2; i++)
            {
                waiters.Add(ControlledTask.Run(async () =>
                {
                    await ev.WaitAsync();
                    Interlocked.Increment(ref woken);
                }));
            }

            await Everywhere.UntilAsync(() => ev.WaiterCount == 2);
            Assert.Equal(2 * (wave - 1), Volatile.Read(ref woken));
            ev.Set();
            ev.Clear();
            await Task.WhenAll(waiters);
            Assert.Equal(2 * wave, woken);
        }

        Assert.False(ev.IsSet);
        Assert.Equal(0, ev.WaiterCount);
    });

    [Fact]
    public void AsyncEvent_Kitchen_CookStartsOnlyAfterBothEvents() => Everywhere.Run(async () =>
    {
        var ingredientsReady = new AsyncEvent("ingredients");
        var ovenHot = new AsyncEvent("oven");
        var log = new ConcurrentQueue<string>();

        var cook = ControlledTask.Run(async () =>
        {
            await ingredientsReady.WaitAsync();
            await ovenHot.WaitAsync();

            // Both must still be set: nobody clears them in this kitchen.
            Assert.True(ingredientsReady.IsSet);
            Assert.True(ovenHot.IsSet);
            log.Enqueue("cook");
        });
        var chopper = ControlledTask.Run(async () =>
        {
            await ControlledTask.Yield();
            log.Enqueue("chopped");
            ingredientsReady.Set();
        });
        var heater = ControlledTask.Run(async () =>
        {
            await ControlledTask.Yield();
            log.Enqueue("heated");
            ovenHot.Set();
        });

        await Task.WhenAll(cook, chopper, heater);
        var entries = log.ToArray();
        Assert.Equal(3, entries.Length);
        Assert.Equal("cook", entries[2]);
        Assert.Equal(["chopped", "heated"], entries[..2].Order(StringComparer.Ordinal));
        Assert.Equal(0, ingredientsReady.WaiterCount);
        Assert.Equal(0, ovenHot.WaiterCount);
    });

    [Fact]
    public void AsyncEvent_DefaultName_CountsInstances()
    {
        Assert.StartsWith("AsyncEvent#", new AsyncEvent().Name, StringComparison.Ordinal);
        Assert.Equal("oven", new AsyncEvent("oven").Name);
    }
}
