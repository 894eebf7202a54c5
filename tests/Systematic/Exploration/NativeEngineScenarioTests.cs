using Interleave.Harness;
using Interleave.Scenarios;
using Xunit.Abstractions;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// Every catalog scenario on the native engine under each of its strategies: each buggy one found with the
/// verdict it has under Coyote, its trace replaying to the same account 100 times out of 100; each correct
/// one clean at 1,000 schedules.
/// </summary>
public class NativeEngineScenarioTests(ITestOutputHelper output)
{
    private const uint Seed = 11;
    private const int CorrectIterations = 1000;
    private const int BugBudget = 1000;
    private const int Replays = 100;

    public static TheoryData<string, ExplorationStrategy> Scenarios()
    {
        var data = new TheoryData<string, ExplorationStrategy>();
        foreach (var strategy in Explorer.NativeStrategies)
        {
            foreach (var scenario in ScenarioCatalog.All)
            {
                data.Add(scenario.Name, strategy);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_OnTheNativeEngine_BugFoundWithCoyotesVerdictOrNone(string name, ExplorationStrategy strategy)
    {
        var scenario = ScenarioCatalog.All.Single(s => s.Name == name);

        var report = Explorer.Run(scenario.Test, new ExplorationOptions
        {
            Engine = SchedulingEngine.Native,
            Strategy = strategy,
            Iterations = scenario.IsBuggy ? BugBudget : CorrectIterations,
            Seed = Seed,
        });

        output.WriteLine($"| {name} | {strategy} | {(report.BugFound ? report.IterationsRun.ToString() : $"{report.IterationsRun} ok")} | {report.StepsExplored} steps | {report.Elapsed.TotalSeconds:F2} s |");
        if (!scenario.IsBuggy)
        {
            Assert.False(report.BugFound, $"The native engine reported a bug in the correct scenario {name}: {report}");
            Assert.Equal(CorrectIterations, report.IterationsRun);
            return;
        }

        Assert.True(report.BugFound, $"The native engine did not find the bug of {name} in {BugBudget} schedules: {report}");
        Assert.Contains(report.Verdict, ScenarioExplorationTests.ExpectedVerdicts[name]);
        for (var replay = 0; replay < Replays; replay++)
        {
            var replayed = Explorer.Replay(scenario.Test, report.Trace);
            Assert.Equal(report.Account, replayed.Account);
        }
    }
}
