using Interleave.Harness;
using Interleave.Primitives.Rewriting;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Specifications;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>
/// The events of rewritten code (<see cref="AutoResetEventShim"/>, <see cref="ManualResetEventShim"/>,
/// <see cref="EventWaitHandleShim"/>, <see cref="WaitHandleShim"/>, <see cref="ManualResetEventSlimShim"/>), called
/// here as rewritten code calls them: .NET's rules under Coyote's scheduler, and .NET's events outside it.
/// </summary>
public sealed class ResetEventShimTests
{
    private static readonly ExplorationOptions Options = new() { Iterations = 200, Seed = 1 };

    [Fact]
    public void AnAutoResetEventLetsOneWaiterThroughPerSet_AManualOneLetsThemAllThrough()
    {
        // The event, set at first, as a lock: each task waits for it, and sets it again on its way out.
        static Func<Task> Test(Func<EventWaitHandle> create) => async () =>
        {
            var gate = create();
            var inside = 0;
            void Critical()
            {
                WaitHandleShim.WaitOne(gate);
                inside++;
                SchedulingPoint.Interleave();
                Specification.Assert(inside == 1, $"{inside} tasks past the event.");
                inside--;
                EventWaitHandleShim.Set(gate);
            }

            await Task.WhenAll(TaskShim.Run(Critical), TaskShim.Run(Critical), TaskShim.Run(Critical));
        };

        Assert.Equal(Verdict.NoBug, Explorer.Run(Test(() => AutoResetEventShim.Create(true)), Options).Verdict);
        Assert.Equal(Verdict.NoBug, Explorer.Run(Test(() => EventWaitHandleShim.Create(true, EventResetMode.AutoReset)), Options).Verdict);
        Assert.Equal(Verdict.AssertionFailure, Explorer.Run(Test(() => ManualResetEventShim.Create(true)), Options).Verdict);
    }

    [Fact]
    public void AWaitNobodySets_IsADeadlockSayingNobodyIsLeftToSetIt()
    {
        var report = Explorer.Run(async () =>
        {
            var signal = AutoResetEventShim.Create(false);
            await TaskShim.Run(() => WaitHandleShim.WaitOne(signal));
        }, Options with { Iterations = 5 });

        Assert.Equal(Verdict.Deadlock, report.Verdict);
        Assert.Matches(@"wait on auto-reset event 'AutoResetEvent#1' +-> waits", report.Account);
        Assert.Contains("waits for auto-reset event 'AutoResetEvent#1'", report.Account, StringComparison.Ordinal);
        Assert.Contains("no running task is left to set it", report.Account, StringComparison.Ordinal);
    }

    [Fact]
    public void ResetClearsTheEvent_ZeroTimeoutsTryAtOnce_WaitAnyTakesTheFirstSet_WaitAllTakesThemAll()
    {
        var report = Explorer.Run(() =>
        {
            var manual = ManualResetEventShim.Create(true);
            var auto = AutoResetEventShim.Create(false);
            Specification.Assert(WaitHandleShim.WaitOne(manual, 0), "a set manual event lets a zero timeout through");
            Specification.Assert(WaitHandleShim.WaitOne(manual, TimeSpan.Zero), "and stays set");
            EventWaitHandleShim.Reset(manual);
            Specification.Assert(!WaitHandleShim.WaitOne(manual, 0), "a reset clears it");
            Specification.Assert(WaitHandleShim.WaitAny([manual, auto], 0) == WaitHandle.WaitTimeout, "WaitAny of clear events times out");
            EventWaitHandleShim.Set(auto);
            Specification.Assert(WaitHandleShim.WaitAny([manual, auto]) == 1, "WaitAny takes the set one");
            Specification.Assert(!WaitHandleShim.WaitOne(auto, 0), "and an auto-reset event it takes is clear again");
            EventWaitHandleShim.Set(auto);
            Specification.Assert(!WaitHandleShim.WaitAll([manual, auto], 0), "WaitAll of events one of which is clear times out");
            Specification.Assert(WaitHandleShim.WaitOne(auto, 0), "taking none of them");
            EventWaitHandleShim.Set(manual);
            EventWaitHandleShim.Set(auto);
            Specification.Assert(WaitHandleShim.WaitAll([manual, auto], 0), "WaitAll of set events goes on");
            Specification.Assert(WaitHandleShim.WaitOne(manual, 0) && !WaitHandleShim.WaitOne(auto, 0), "taking the auto-reset one");
            return Task.CompletedTask;
        }, Options with { Iterations = 5 });

        Assert.True(report.Verdict == Verdict.NoBug, report.Account);
    }

    [Fact]
    public void WaitAll_WaitsUntilEveryEventIsSet()
    {
        static Func<Task> Test(bool setBoth) => async () =>
        {
            var first = ManualResetEventShim.Create(false);
            var second = AutoResetEventShim.Create(false);
            var waiter = TaskShim.Run(() => WaitHandleShim.WaitAll([first, second]));
            EventWaitHandleShim.Set(first);
            if (setBoth)
            {
                EventWaitHandleShim.Set(second);
            }

            await waiter;
        };

        Assert.Equal(Verdict.NoBug, Explorer.Run(Test(setBoth: true), Options).Verdict);
        Assert.Equal(Verdict.Deadlock, Explorer.Run(Test(setBoth: false), Options).Verdict);
    }

    [Fact]
    public void ASlimEventKeepsEveryWaiterOutUntilItIsSet_AndAReopenedGateHoldsNewComers()
    {
        var report = Explorer.Run(async () =>
        {
            var gate = ManualResetEventSlimShim.Create();
            var opened = false;
            void Pass()
            {
                ManualResetEventSlimShim.Wait(gate);
                Specification.Assert(opened, "a waiter passed a gate that was never opened");
            }

            var waiters = new[] { TaskShim.Run(Pass), TaskShim.Run(Pass) };
            opened = true;
            ManualResetEventSlimShim.Set(gate);
            await Task.WhenAll(waiters);
            Specification.Assert(ManualResetEventSlimShim.get_IsSet(gate), "the gate stays open");
            ManualResetEventSlimShim.Reset(gate);
            Specification.Assert(!ManualResetEventSlimShim.get_IsSet(gate) && !ManualResetEventSlimShim.Wait(gate, 0), "a reset closes it");
        }, Options);

        Assert.True(report.Verdict == Verdict.NoBug, report.Account);
    }

    [Fact]
    public void ASlimEventsWait_EndsCancelledWhenItsTokenIsCancelled()
    {
        var report = Explorer.Run(async () =>
        {
            var gate = ManualResetEventSlimShim.Create(false, 10);
            using var cancel = new CancellationTokenSource();
            var waiter = TaskShim.Run(() => ManualResetEventSlimShim.Wait(gate, cancel.Token));
            cancel.Cancel();
            var ended = await Task.WhenAny(waiter);
            Specification.Assert(ended.IsCanceled, $"the wait ended {ended.Status}");
        }, Options);

        Assert.True(report.Verdict == Verdict.NoBug, report.Account);
    }

    [Fact]
    public void OutsideATest_TheyAreDotNetsEvents()
    {
        using var auto = AutoResetEventShim.Create(false);
        using var slim = ManualResetEventSlimShim.Create();
        Assert.IsType<AutoResetEvent>(auto);
        Assert.False(WaitHandleShim.WaitOne(auto, 0));
        EventWaitHandleShim.Set(auto);
        Assert.True(auto.WaitOne(0));
        Assert.False(auto.WaitOne(0));
        ManualResetEventSlimShim.Set(slim);
        Assert.True(slim.IsSet);
        Assert.True(ManualResetEventSlimShim.Wait(slim, 0));
    }
}
