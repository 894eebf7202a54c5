using Interleave.Harness;
using Interleave.Primitives.Rewriting;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Specifications;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>
/// The monitor that <c>lock</c> and <see cref="System.Threading.Monitor"/> become in rewritten code (<see cref="MonitorShim"/>),
/// called here as rewritten code calls it: .NET's rules under Coyote's scheduler, and .NET's monitor outside it.
/// </summary>
public sealed class MonitorShimTests
{
    private static readonly ExplorationOptions Options = new() { Iterations = 200, Seed = 1 };

    [Fact]
    public void TwoTasks_NeverHoldTheLockTogether_AndWithoutItTheyDo()
    {
        static Func<Task> Test(bool locked) => async () =>
        {
            var gate = new object();
            var inside = 0;
            void Critical()
            {
                if (locked)
                {
                    MonitorShim.Enter(gate);
                }

                inside++;
                SchedulingPoint.Interleave();
                Specification.Assert(inside == 1, $"{inside} tasks inside the lock.");
                inside--;
                if (locked)
                {
                    MonitorShim.Exit(gate);
                }
            }

            await Task.WhenAll(TaskShim.Run(Critical), TaskShim.Run(Critical));
        };

        Assert.Equal(Verdict.NoBug, Explorer.Run(Test(locked: true), Options).Verdict);
        Assert.Equal(Verdict.AssertionFailure, Explorer.Run(Test(locked: false), Options).Verdict);
    }

    [Fact]
    public void Enter_IsReentrant_AndExitBeyondItsEntriesThrows()
    {
        var report = Explorer.Run(() =>
        {
            var gate = new object();
            MonitorShim.Enter(gate);
            var taken = false;
            MonitorShim.Enter(gate, ref taken);
            Specification.Assert(taken && MonitorShim.IsEntered(gate), "entered twice");
            MonitorShim.Exit(gate);
            Specification.Assert(MonitorShim.IsEntered(gate), "held after one of two exits");
            MonitorShim.Exit(gate);
            Specification.Assert(!MonitorShim.IsEntered(gate), "free after both exits");
            Specification.Assert(Misuse.Throws<SynchronizationLockException>(() => MonitorShim.Exit(gate)), "a third exit throws");
            Specification.Assert(Misuse.Throws<SynchronizationLockException>(() => MonitorShim.Pulse(gate)), "a pulse without the lock throws");
            Specification.Assert(Misuse.Throws<SynchronizationLockException>(() => MonitorShim.Wait(gate)), "a wait without the lock throws");
            return Task.CompletedTask;
        }, Options with { Iterations = 5 });

        Assert.True(report.Verdict == Verdict.NoBug, report.Account);
    }

    [Fact]
    public void Wait_GivesTheLockUp_UntilAPulse_AndReturnsHoldingItAsDeeplyAsBefore()
    {
        var report = Explorer.Run(async () =>
        {
            var gate = new object();
            var ready = false;
            var consumer = TaskShim.Run(() =>
            {
                MonitorShim.Enter(gate);
                MonitorShim.Enter(gate);
                while (!ready)
                {
                    MonitorShim.Wait(gate);
                }

                Specification.Assert(MonitorShim.IsEntered(gate), "the lock is held after the wait");
                MonitorShim.Exit(gate);
                Specification.Assert(MonitorShim.IsEntered(gate), "still entered once");
                MonitorShim.Exit(gate);
            });
            var producer = TaskShim.Run(() =>
            {
                MonitorShim.Enter(gate);
                ready = true;
                MonitorShim.Pulse(gate);
                MonitorShim.Exit(gate);
            });
            await Task.WhenAll(consumer, producer);
        }, Options);

        Assert.True(report.Verdict == Verdict.NoBug, report.Account);
    }

    [Fact]
    public void AWaitNobodyPulses_IsADeadlockSayingNobodyIsLeftToPulse()
    {
        var report = Explorer.Run(async () =>
        {
            var gate = new object();
            await TaskShim.Run(() =>
            {
                MonitorShim.Enter(gate);
                MonitorShim.Wait(gate);
                MonitorShim.Exit(gate);
            });
        }, Options with { Iterations = 5 });

        Assert.Equal(Verdict.Deadlock, report.Verdict);
        Assert.Contains("waits for lock 'Object#1'", report.Account, StringComparison.Ordinal);
        Assert.Contains("no running task is left to pulse it", report.Account, StringComparison.Ordinal);
    }

    [Fact]
    public void OutsideATest_ItIsDotNetsMonitor()
    {
        var gate = new object();
        MonitorShim.Enter(gate);
        Assert.True(System.Threading.Monitor.IsEntered(gate));
        var takenElsewhere = true;
        var other = new Thread(() => takenElsewhere = MonitorShim.TryEnter(gate));
        other.Start();
        other.Join();
        Assert.False(takenElsewhere);
        MonitorShim.Exit(gate);
        Assert.False(System.Threading.Monitor.IsEntered(gate));
    }
}
