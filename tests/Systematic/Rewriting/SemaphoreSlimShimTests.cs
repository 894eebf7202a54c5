using Interleave.Harness;
using Interleave.Primitives.Rewriting;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Specifications;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>
/// The <see cref="SemaphoreSlim"/> of rewritten code (<see cref="SemaphoreSlimShim"/>), called here as rewritten
/// code calls it: .NET's rules under Coyote's scheduler, and .NET's semaphore outside it.
/// </summary>
public sealed class SemaphoreSlimShimTests
{
    private static readonly ExplorationOptions Options = new() { Iterations = 200, Seed = 1 };

    [Fact]
    public void NoMoreTasksThanPermitsAreInside_AndWithOnePermitMoreTheyAre()
    {
        static Func<Task> Test(int permits) => async () =>
        {
            var semaphore = SemaphoreSlimShim.Create(permits);
            var inside = 0;
            async Task UseAsync()
            {
                await SemaphoreSlimShim.WaitAsync(semaphore);
                inside++;
                SchedulingPoint.Interleave();
                Specification.Assert(inside <= 2, $"{inside} tasks inside a pool of 2.");
                inside--;
                SemaphoreSlimShim.Release(semaphore);
            }

            void Use()
            {
                SemaphoreSlimShim.Wait(semaphore);
                inside++;
                SchedulingPoint.Interleave();
                Specification.Assert(inside <= 2, $"{inside} tasks inside a pool of 2.");
                inside--;
                SemaphoreSlimShim.Release(semaphore);
            }

            await Task.WhenAll(TaskShim.Run(UseAsync), TaskShim.Run(UseAsync), TaskShim.Run(Use));
        };

        Assert.Equal(Verdict.NoBug, Explorer.Run(Test(permits: 2), Options).Verdict);
        Assert.Equal(Verdict.AssertionFailure, Explorer.Run(Test(permits: 3), Options).Verdict);
    }

    [Fact]
    public void AReleasePastTheMaximumThrows_AndAZeroTimeoutTriesAtOnce()
    {
        var report = Explorer.Run(async () =>
        {
            var semaphore = SemaphoreSlimShim.Create(1, 1);
            Specification.Assert(Misuse.Throws<SemaphoreFullException>(() => SemaphoreSlimShim.Release(semaphore)), "a release past the maximum throws");
            Specification.Assert(SemaphoreSlimShim.get_CurrentCount(semaphore) == 1, "and changes nothing");
            Specification.Assert(await SemaphoreSlimShim.WaitAsync(semaphore, 0), "a zero timeout takes a free permit");
            Specification.Assert(!await SemaphoreSlimShim.WaitAsync(semaphore, 0), "and finds none after");
            Specification.Assert(!SemaphoreSlimShim.Wait(semaphore, TimeSpan.Zero), "synchronously too");
            Specification.Assert(SemaphoreSlimShim.Release(semaphore) == 0, "a release returns the count before it");
        }, Options with { Iterations = 5 });

        Assert.True(report.Verdict == Verdict.NoBug, report.Account);
    }

    [Fact]
    public void ACancelledWaiter_TakesNoPermit_AndTheReleaseGoesToTheNextWaiter()
    {
        var report = Explorer.Run(async () =>
        {
            var semaphore = SemaphoreSlimShim.Create(0);
            using var cancel = new CancellationTokenSource();
            var cancelled = SemaphoreSlimShim.WaitAsync(semaphore, cancel.Token);
            var next = SemaphoreSlimShim.WaitAsync(semaphore);
            cancel.Cancel();
            var outcome = await Task.WhenAny(cancelled);
            Specification.Assert(outcome.IsCanceled, "the cancelled wait ends cancelled");
            SemaphoreSlimShim.Release(semaphore);
            await next;
            Specification.Assert(SemaphoreSlimShim.get_CurrentCount(semaphore) == 0, "the one permit went to the waiter left");
        }, Options with { Iterations = 50 });

        Assert.True(report.Verdict == Verdict.NoBug, report.Account);
    }

    [Fact]
    public void AWaitNobodyReleases_IsADeadlockNamingTheSemaphore()
    {
        var report = Explorer.Run(async () =>
        {
            var semaphore = SemaphoreSlimShim.Create(0);
            await TaskShim.Run(() => SemaphoreSlimShim.WaitAsync(semaphore));
        }, Options with { Iterations = 5 });

        Assert.Equal(Verdict.Deadlock, report.Verdict);
        Assert.Contains("waits for semaphore 'SemaphoreSlim#1'", report.Account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideATest_ItIsDotNetsSemaphore()
    {
        using var semaphore = SemaphoreSlimShim.Create(1, 1);
        Assert.IsType<SemaphoreSlim>(semaphore);
        await SemaphoreSlimShim.WaitAsync(semaphore);
        Assert.Equal(0, semaphore.CurrentCount);
        Assert.False(SemaphoreSlimShim.Wait(semaphore, 0));
        Assert.Equal(0, SemaphoreSlimShim.Release(semaphore));
        Assert.Throws<SemaphoreFullException>(() => SemaphoreSlimShim.Release(semaphore));
    }
}
