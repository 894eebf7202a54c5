using Interleave.Harness;
using Interleave.Harness.Findings;
using Interleave.Scenarios;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// Verdicts are the findings' types, never read back from their words: every message of the harness's own,
/// reworded to start with Coyote's phrasings of other verdicts, changes no verdict, failing schedule or finding.
/// </summary>
public class FindingWordingTests
{
    public static TheoryData<string> CatalogScenarios => [.. ScenarioCatalog.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(CatalogScenarios))]
    public void RewordingEveryMessage_ChangesNoVerdict(string name)
    {
        var scenario = ScenarioCatalog.All.Single(s => s.Name == name);
        var options = new ExplorationOptions { Iterations = scenario.IsBuggy ? 300 : 30, Seed = 5 };

        var plain = Explorer.Run(scenario.Test, options);
        var reworded = Explorer.Run(scenario.Test, options with { Reword = Misleading });

        Assert.Equal(plain.Verdict, reworded.Verdict);
        Assert.Equal(plain.FailingSchedule, reworded.FailingSchedule);
        Assert.Equal(plain.Finding?.GetType(), reworded.Finding?.GetType());
        Assert.Equal(plain.Finding?.Steps, reworded.Finding?.Steps);
        if (plain.Finding is DataRaceFinding or AtomicityViolationFinding)
        {
            // The words did change, and went to Coyote as the reason the schedule failed.
            Assert.Equal(Misleading(plain.Message), reworded.Message);
        }
    }

    [Fact]
    public void RewordedRaceWarnings_KeepTheRunClean()
    {
        var options = new ExplorationOptions { Iterations = 50, Seed = 5, Races = RaceChecking.Warn, Reword = Misleading };

        var report = Explorer.Run(CounterScenarios.UnprotectedIncrement, options);

        Assert.NotEqual(Verdict.Deadlock, report.Verdict);
        Assert.NotEmpty(report.RaceWarnings);
        Assert.All(report.RaceWarnings, race => Assert.IsType<DataRaceFinding>(race));
        Assert.All(report.RaceWarnings, race => Assert.StartsWith(Misleading(string.Empty), race.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void RewordedDiagnosis_LeavesAnEscapeUncontrolled()
    {
        var options = new ExplorationOptions { Iterations = 20, Seed = 5, Reword = Misleading };

        var report = Explorer.Run(async () => await Task.Delay(20), options);

        var escape = Assert.IsType<UncontrolledFinding>(report.Finding);
        Assert.Equal(ControlEscape.AwaitedUncontrolledWork, escape.Escape);
        Assert.StartsWith(Misleading("The schedule stalled"), report.Message, StringComparison.Ordinal);
    }

    // Every phrase a classifier of messages would look for, before the harness's own words.
    private static string Misleading(string message) =>
        "Deadlock detected. Potential deadlock or hang detected. Scheduling steps bound reached. Unhandled exception. "
        + "Data race on Atomicity violation on uncontrolled concurrency. " + message;
}
