using System.Text.Json.Nodes;
using Interleave.Harness;
using Interleave.Scenarios;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// The runner's options beyond strategy and seed: a deadline, engines side by side, the test's name in the
/// trace, and Coyote's portfolio.
/// </summary>
public class ExplorerOptionsTests
{
    [Fact]
    public void Timeout_StopsStartingSchedules_AndSaysSo()
    {
        var report = Explorer.Run(BankScenarios.SafeWithdraw, new ExplorationOptions
        {
            Iterations = 10_000_000,
            Seed = 1,
            Timeout = TimeSpan.FromMilliseconds(300),
        });

        Assert.Equal(Verdict.NoBug, report.Verdict);
        Assert.True(report.TimedOut);
        Assert.InRange(report.IterationsRun, 1, 9_999_999);
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(60), report.ToString());
        Assert.Contains("timed out", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoTimeout_RunsEverySchedule_AndDoesNotClaimATimeout()
    {
        var report = Explorer.Run(BankScenarios.SafeWithdraw, new ExplorationOptions { Iterations = 50, Seed = 1, Timeout = TimeSpan.FromMinutes(5) });

        Assert.Equal(50, report.IterationsRun);
        Assert.False(report.TimedOut);
    }

    // 160 schedules on two engines are handed out in chunks of 10: each bug below is first found after
    // schedule 10, so the engines race and the lower-numbered failing schedule must win. (The random family
    // only: prioritization learns the schedule length as it goes, so a fresh engine per chunk differs a little.)
    [Theory]
    [InlineData("buffer.if-guarded-wait", ExplorationStrategy.Probabilistic, 10u)]
    [InlineData("locks.opposite-order", ExplorationStrategy.Probabilistic, 11u)]
    [InlineData("priority.concurrent-submitters", ExplorationStrategy.Probabilistic, 2u)]
    public void ParallelEngines_FindTheSameFirstBugAsOneEngine(string name, ExplorationStrategy strategy, uint seed)
    {
        var scenario = ScenarioCatalog.All.Single(s => s.Name == name);
        var options = new ExplorationOptions { Iterations = 160, Seed = seed, Strategy = strategy };

        var one = Explorer.Run(scenario.Test, options);
        var two = Explorer.Run(scenario.Test, options with { ParallelEngines = 2 });

        Assert.True(one.BugFound && one.IterationsRun > 10, one.ToString());
        Assert.Equal(one.IterationsRun, two.IterationsRun);
        Assert.Equal(one.Verdict, two.Verdict);
        Assert.Equal(one.Account, two.Account);
        Assert.Equal(two.Verdict, Explorer.Replay(scenario.Test, two.Trace).Verdict);
    }

    [Fact]
    public void ParallelEngines_WithPrioritization_FindTheBugToo()
    {
        var scenario = ScenarioCatalog.All.Single(s => s.Name == "download-pool.permit-returned-early");

        var report = Explorer.Run(scenario.Test, new ExplorationOptions { Iterations = 1000, Seed = 1, Strategy = ExplorationStrategy.Prioritization, ParallelEngines = 2 });

        Assert.Equal(Verdict.AssertionFailure, report.Verdict);
    }

    [Fact]
    public void ParallelEngines_OnACorrectProgram_RunEveryScheduleOnce()
    {
        var report = Explorer.Run(BankScenarios.SafeWithdraw, new ExplorationOptions { Iterations = 403, Seed = 5, ParallelEngines = 3 });

        Assert.Equal(Verdict.NoBug, report.Verdict);
        Assert.Equal(403, report.IterationsRun);
    }

    [Fact]
    public void TestName_IsWrittenIntoTheTrace_AndReplayChecksIt()
    {
        Func<Task> checkout = () => BankScenarios.UnprotectedWithdraw();
        var report = Explorer.Run(checkout, new ExplorationOptions { Iterations = 200, Seed = 2, TestName = "Shop.CheckoutTests.Checkout" });

        Assert.True(report.BugFound, report.ToString());
        Assert.Equal("Shop.CheckoutTests.Checkout", JsonNode.Parse(report.Trace)!["TestName"]!.ToString());
        Assert.Equal(report.Account, Explorer.Replay(checkout, report.Trace, "Shop.CheckoutTests.Checkout").Account);
        var error = Assert.Throws<TraceException>(() => Explorer.Replay(checkout, report.Trace, "Shop.CheckoutTests.Refund"));
        Assert.Contains("recorded for test 'Shop.CheckoutTests.Checkout', not 'Shop.CheckoutTests.Refund'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Portfolio_FindsTheBug_AndItsTraceReplays()
    {
        var report = Explorer.Run(LockOrderingScenarios.OppositeOrder, new ExplorationOptions { Iterations = 1000, Seed = 4, Strategy = ExplorationStrategy.Portfolio });

        Assert.Equal(Verdict.Deadlock, report.Verdict);
        Assert.Equal(report.Account, Explorer.Replay(LockOrderingScenarios.OppositeOrder, report.Trace).Account);
    }

    [Theory]
    [InlineData(0, 10_000, 1)]
    [InlineData(10, 0, 1)]
    [InlineData(10, 10_000, 0)]
    public void OutOfRangeOptions_AreRejected(int iterations, int maxSteps, int engines)
    {
        var options = new ExplorationOptions { Iterations = iterations, MaxSteps = maxSteps, ParallelEngines = engines };

        Assert.Throws<ArgumentOutOfRangeException>(() => Explorer.Run(BankScenarios.SafeWithdraw, options));
    }

    [Fact]
    public void Progress_IsToldOfEveryScheduleAsItStarts()
    {
        var progress = new Recorder();

        var report = Explorer.Run(BankScenarios.SafeWithdraw, new ExplorationOptions { Iterations = 40, Seed = 1, Progress = progress });

        Assert.Equal(40, report.IterationsRun);
        Assert.Equal(Enumerable.Range(1, 40), progress.Values);
    }

    private sealed class Recorder : IProgress<int>
    {
        public List<int> Values { get; } = [];

        public void Report(int value) => Values.Add(value);
    }
}
