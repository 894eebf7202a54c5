using System.Collections.Concurrent;
using Interleave.Harness;
using Microsoft.Coyote;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Tests.Systematic.Primitives;

/// <summary>Under Coyote, <see cref="ControlledTask.TimeProvider"/> is virtual: timers fire when the scheduler says.</summary>
public class VirtualTimeTests
{
    [Fact]
    public void ControlledTaskDelay_TenVirtualMinutes_CompletesAndAdvancesTheClock() => Everywhere.UnderCoyote(async () =>
    {
        var clock = ControlledTask.TimeProvider;
        var start = clock.GetUtcNow();

        await ControlledTask.Delay(TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromMinutes(10), clock.GetUtcNow() - start);
    });

    [Fact]
    public void Delays_OfDifferentLengths_NoneResumesBeforeItsDueTime() => Everywhere.UnderCoyote(async () =>
    {
        var clock = ControlledTask.TimeProvider;
        var waited = new ConcurrentDictionary<int, TimeSpan>();
        await Task.WhenAll(new[] { 3, 1, 2 }.Select(seconds => ControlledTask.Run(async () =>
        {
            // Measured from this task's own start: other tasks' timers may have moved the clock already.
            var start = clock.GetUtcNow();
            await ControlledTask.Delay(TimeSpan.FromSeconds(seconds));
            waited[seconds] = clock.GetUtcNow() - start;
        })));

        Assert.Equal(3, waited.Count);
        Assert.All(waited, pair => Assert.True(pair.Value >= TimeSpan.FromSeconds(pair.Key), $"{pair.Key}s delay resumed after {pair.Value}."));
    });

    [Fact]
    public void GetWithTimeout_Explored_BothTimeoutAndInTimeOutcomesOccur()
    {
        var outcomes = new ConcurrentDictionary<string, int>();
        var report = Explorer.Run(async () =>
        {
            var queue = new AsyncQueue<string>();
            var producer = ControlledTask.Run(async () =>
            {
                await ControlledTask.Delay(TimeSpan.FromSeconds(1));
                await queue.PutAsync("job");
            });
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), ControlledTask.TimeProvider);
            try
            {
                Assert.Equal("job", await queue.GetAsync(timeout.Token));
                outcomes.AddOrUpdate("in time", 1, (_, n) => n + 1);
            }
            catch (OperationCanceledException)
            {
                // Timed out: the item is not lost, it is still in the queue once the producer is done.
                await producer;
                Assert.Equal(1, queue.Count);
                outcomes.AddOrUpdate("timed out", 1, (_, n) => n + 1);
            }

            await producer;
        }, new ExplorationOptions { Iterations = 200 });

        Assert.False(report.BugFound, report.ToString());
        Assert.True(outcomes.ContainsKey("in time"), "No schedule delivered the item in time.");
        Assert.True(outcomes.ContainsKey("timed out"), "No schedule timed out.");
    }

    // Coyote scans every operation an iteration ever made at each step: a new operation per timer made a
    // step cost more the longer the schedule ran (bench/RESULTS.md, "Cost of reaching a hang").
    [Fact]
    public void ThousandTimers_UnderCoyote_OnePumpOperationFiresThemAll()
    {
        var configuration = Configuration.Create().WithTelemetryEnabled(false).WithTestingIterations(1).WithRandomGeneratorSeed(1);
        using var engine = TestingEngine.Create(configuration, async () =>
        {
            var worker = ControlledTask.Run(async () =>
            {
                for (var turn = 0; turn < 500; turn++)
                {
                    await ControlledTask.Delay(TimeSpan.FromMilliseconds(1));
                }
            });
            for (var turn = 0; turn < 500; turn++)
            {
                await ControlledTask.Delay(TimeSpan.FromMilliseconds(1));
            }

            await worker;
        });

        engine.Run();

        Assert.Equal(0, engine.TestReport.NumOfFoundBugs);
        Assert.InRange(engine.TestReport.TotalControlledOperations, 3, 10);
    }
}
