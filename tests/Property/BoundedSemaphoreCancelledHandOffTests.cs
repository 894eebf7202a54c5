using Interleave.Harness;
using Interleave.Primitives;
using Interleave.Tests.Property.Linearizability;
using Microsoft.Coyote.Specifications;
using Xunit;

namespace Interleave.Tests.Property;

/// <summary>
/// Regression: a bounded semaphore refuses a release while its only permit is handed to a waiter that has not
/// resumed, also when that waiter is then cancelled and passes the permit on (found by the linearizability
/// properties with timeouts; PermitGate now counts handed-off permits as asyncio counts them, available).
/// </summary>
public class BoundedSemaphoreCancelledHandOffTests
{
    [Theory]
    [InlineData(SchedulingEngine.Coyote)]
    [InlineData(SchedulingEngine.Native)]
    public void BoundedSemaphore_ExtraReleaseWhileAHandedOffWaiterIsCancelled_RefusedAndCountStaysWithinBound(SchedulingEngine engine)
    {
        var report = Explorer.Run(
            async () =>
            {
                var semaphore = new AsyncBoundedSemaphore(1);
                await semaphore.AcquireAsync();
                using var cancel = new CancellationTokenSource();
                var waiter = ControlledTask.Run(
                    async () =>
                    {
                        try
                        {
                            await semaphore.AcquireAsync(cancel.Token);
                            semaphore.Release();
                        }
                        catch (OperationCanceledException)
                        {
                            // Cancelled: it holds nothing, so it releases nothing.
                        }
                    },
                    "waiter");

                semaphore.Release(); // hands the only permit to the waiter, if it is waiting by now
                cancel.Cancel();
                var extraRelease = "refused";
                try
                {
                    semaphore.Release(); // main holds no permit: over the bound
                    extraRelease = "accepted";
                }
                catch (SemaphoreFullException)
                {
                    // Expected: the one permit is with the waiter or back in the count.
                }

                await waiter;
                Specification.Assert(
                    extraRelease == "refused" && semaphore.CurrentCount <= 1,
                    $"A bounded semaphore of 1 ends with {semaphore.CurrentCount} permits; the extra release was {extraRelease}.");
            },
            new ExplorationOptions { Iterations = 200, Seed = 1, Engine = engine });

        Assert.True(report.Verdict == Verdict.NoBug, $"{report}\n{report.Account}");
    }

    [ScaledProperty(30)]
    public void AsyncBoundedSemaphore_AcquiresWithTimeouts_EveryScheduleLinearizable(byte shape, int[] codes)
    {
        var permits = 1 + (shape / 3 % 2);
        LinearizabilityExploration.AssertEveryScheduleLinearizable(
            SemaphorePrograms.WithoutCountsWhileRunning(SemaphorePrograms.Generate(shape, codes ?? [])),
            () => SemaphorePrograms.Perform(new AsyncBoundedSemaphore(permits), timeouts: true),
            new SemaphoreSpecification(permits, permits));
    }
}
