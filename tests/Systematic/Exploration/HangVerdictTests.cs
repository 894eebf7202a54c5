using Interleave.Harness;
using Interleave.Primitives;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// A hang is reported when a program really can run forever, and never when a strategy merely starves a
/// task that is ready: the classic case is a consumer retrying a get with a timeout while the producer's
/// delay has expired but the producer is never scheduled.
/// </summary>
public class HangVerdictTests
{
    public static TheoryData<ExplorationStrategy> Strategies() => new(Explorer.CoyoteStrategies);

    // Q-learning has no fair variant in Coyote: it may starve the producer for good (found at schedule 150
    // with seed 1), which ExplorationOptions.MaxSteps documents.
    public static TheoryData<ExplorationStrategy> FairStrategies() => new(Explorer.CoyoteStrategies.Where(s => s != ExplorationStrategy.QLearning));

    [Theory]
    [MemberData(nameof(FairStrategies))]
    public void ConsumerRetryingWithTimeouts_UntilTheItemArrives_IsNoHang(ExplorationStrategy strategy)
    {
        var report = Explorer.Run(() => RetryingConsumerAsync(itemArrives: true), new ExplorationOptions { Iterations = 200, Seed = 1, Strategy = strategy, MaxSteps = 2000 });

        Assert.False(report.BugFound, report.ToString());
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void ConsumerRetryingForAnItemThatNeverComes_IsAHang(ExplorationStrategy strategy)
    {
        var report = Explorer.Run(() => RetryingConsumerAsync(itemArrives: false), new ExplorationOptions { Iterations = 2, Seed = 1, Strategy = strategy, MaxSteps = 300 });

        Assert.Equal(Verdict.Hang, report.Verdict);
    }

    // The producer puts one item after 5 virtual seconds (or never); the consumer gets with a 1-second
    // timeout and retries until it has the item.
    private static async Task RetryingConsumerAsync(bool itemArrives)
    {
        var queue = new AsyncQueue<string>();
        var producer = ControlledTask.Run(
            async () =>
            {
                await ControlledTask.Delay(TimeSpan.FromSeconds(5));
                if (itemArrives)
                {
                    await queue.PutAsync("job");
                }
            },
            "producer");
        var consumer = ControlledTask.Run(
            async () =>
            {
                while (true)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1), ControlledTask.TimeProvider);
                    try
                    {
                        await queue.GetAsync(timeout.Token);
                        return;
                    }
                    catch (OperationCanceledException)
                    {
                        // Not yet: try again.
                    }
                }
            },
            "consumer");
        await Task.WhenAll(producer, consumer);
    }
}
