using Interleave.Harness;
using Interleave.Scenarios;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>The seed tutorial's bugs are found, and their fixed versions pass, under every strategy we ship.</summary>
public class SeedBugTests
{
    // Seeds far apart: consecutive seeds of Coyote's generator explore overlapping schedules.
    public static TheoryData<ExplorationStrategy, uint> StrategiesAndSeeds => new()
    {
        { ExplorationStrategy.Random, 11 },
        { ExplorationStrategy.Random, 70_001 },
        { ExplorationStrategy.Random, 990_001 },
        { ExplorationStrategy.Prioritization, 11 },
        { ExplorationStrategy.Prioritization, 70_001 },
        { ExplorationStrategy.Prioritization, 990_001 },
    };

    public static TheoryData<ExplorationStrategy> Strategies => new()
    {
        ExplorationStrategy.Random,
        ExplorationStrategy.Prioritization,
    };

    [Theory]
    [MemberData(nameof(StrategiesAndSeeds))]
    public void UnprotectedWithdraw_Explored_BalanceGoesNegativeWithin100Iterations(ExplorationStrategy strategy, uint seed)
    {
        // The race detector would report the race first (see DataRaceTests); here the test's own assertion finds it.
        var report = Explorer.Run(BankScenarios.UnprotectedWithdraw, new ExplorationOptions { Iterations = 100, Strategy = strategy, Seed = seed, Races = RaceChecking.Off });

        Assert.Equal(Verdict.AssertionFailure, report.Verdict);
        Assert.Contains("balance is -600", report.Message, StringComparison.Ordinal);
        Assert.InRange(report.IterationsRun, 1, 100);
        Assert.NotEmpty(report.Trace);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void SafeWithdraw_Explored_NoBugIn1000Iterations(ExplorationStrategy strategy)
    {
        var report = Explorer.Run(BankScenarios.SafeWithdraw, new ExplorationOptions { Iterations = 1000, Strategy = strategy });

        Assert.Equal(Verdict.NoBug, report.Verdict);
        Assert.Equal(1000, report.IterationsRun);
    }

    [Theory]
    [MemberData(nameof(StrategiesAndSeeds))]
    public void LockOrderingOppositeOrder_Explored_ReportedAsDeadlockNotTimeout(ExplorationStrategy strategy, uint seed)
    {
        var report = Explorer.Run(LockOrderingScenarios.OppositeOrder, new ExplorationOptions { Iterations = 100, Strategy = strategy, Seed = seed });

        Assert.Equal(Verdict.Deadlock, report.Verdict);
        Assert.StartsWith("Deadlock detected.", report.Message, StringComparison.Ordinal);
        // Both stuck tasks are named (as Coyote operations), not just the test's root.
        Assert.Contains(" and ", report.Message, StringComparison.Ordinal);
        Assert.InRange(report.IterationsRun, 1, 100);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void LockOrderingConsistentOrder_Explored_NoBugIn1000Iterations(ExplorationStrategy strategy)
    {
        var report = Explorer.Run(LockOrderingScenarios.ConsistentOrder, new ExplorationOptions { Iterations = 1000, Strategy = strategy });

        Assert.Equal(Verdict.NoBug, report.Verdict);
        Assert.Equal(1000, report.IterationsRun);
    }
}
