using Interleave.Harness;
using Interleave.Primitives.Rewriting;
using Microsoft.Coyote.Specifications;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary><c>Task.Delay</c> in rewritten code (<see cref="TaskShim"/>): Coyote's delay, whose end the scheduler picks, as a step of the account.</summary>
public sealed class TaskDelayShimTests
{
    [Fact]
    public void ADelay_IsAStepThatSleepsAndWakes_AndTwoDelaysEndInEitherOrder()
    {
        var report = Explorer.Run(async () =>
        {
            var order = new List<string>();
            async Task SleepAsync(string name, int milliseconds)
            {
                await TaskShim.Delay(milliseconds);
                order.Add(name);
            }

            await Task.WhenAll(TaskShim.Run(() => SleepAsync("long", 100)), TaskShim.Run(() => SleepAsync("short", 10)));
            Specification.Assert(order[0] == "short", $"The {order[0]} delay ended first.");
        }, new ExplorationOptions { Iterations = 200, Seed = 1 });

        Assert.True(report.Verdict == Verdict.AssertionFailure, report.Account);
        Assert.Matches(@"sleep 100 ms +-> sleeps", report.Account);
        Assert.Matches(@"sleep 100 ms +-> wakes", report.Account);
        Assert.Matches(@"sleep 10 ms +-> wakes", report.Account);
    }
}
