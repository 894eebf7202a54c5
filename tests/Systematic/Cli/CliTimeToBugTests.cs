using System.Text.RegularExpressions;
using Interleave.Cli;
using Interleave.Cli.Commands;
using Interleave.Harness;

namespace Interleave.Tests.Systematic.Cli;

/// <summary>
/// <c>interleave time-to-bug</c>: a block per buggy test with a row per strategy of each engine, the stress
/// baseline and the fastest strategy of each engine.
/// </summary>
[Collection(SampleAssemblyCollection.Name)]
public sealed partial class CliTimeToBugTests : CliTests
{
    private static string BenchDll { get; } = Path.Combine(AppContext.BaseDirectory, "Interleave.Bench.TimeToBug.dll");

    [Fact]
    public void TimeToBug_UnprotectedCounter_EveryStrategyOfBothEnginesFindsItAndCorrectTestsAreLeftOut()
    {
        var (exit, output, error) = Run("time-to-bug", "-m", "counter", "-i", "100", "--stress-seconds", "2");

        Assert.Equal(ExitCode.Ok, exit);
        Assert.Empty(error);
        Assert.Contains("\ncounter.unprotected\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("counter.locked", output, StringComparison.Ordinal);
        var rows = Rows(output);
        Assert.Equal(
            Explorer.CoyoteStrategies.Select(s => $"coyote {StrategyNames.NameOf(s)}")
                .Concat(Explorer.NativeStrategies.Select(s => $"native {StrategyNames.NameOf(s)}"))
                .Append("stress real threads"),
            rows.Select(r => $"{r.Engine} {r.Strategy}"));
        Assert.All(rows, row => Assert.Equal("1/1", row.Found));
        Assert.Matches(@"fastest: native \S+ \d+\.\d ms against coyote \S+ \d+\.\d ms: \d+\.\dx less wall time on the native engine\.", output);
    }

    [Fact]
    public void TimeToBug_ThreeSeeds_MediansOverSeedsABudgetApart()
    {
        var (exit, output, _) = Run("time-to-bug", "-m", "counter", "-i", "50", "--seeds", "3", "-e", "native", "--stress-seconds", "1");

        Assert.Equal(ExitCode.Ok, exit);
        Assert.Contains("the median over the 3 seeds 1, 51, 101 (each strategy at most 50 schedules a seed)", output, StringComparison.Ordinal);
        Assert.All(Rows(output).Where(r => r.Engine == "native"), row => Assert.Equal("3/3", row.Found));
    }

    [Fact]
    public void TimeToBug_NativeEngineOnly_NoCoyoteRowsAndNoComparison()
    {
        var (exit, output, _) = Run("time-to-bug", "-m", "counter", "-i", "50", "--engine", "native", "--stress-seconds", "1");

        Assert.Equal(ExitCode.Ok, exit);
        Assert.Equal(Explorer.NativeStrategies.Length, Rows(output).Count(r => r.Engine == "native"));
        Assert.DoesNotContain(Rows(output), r => r.Engine == "coyote");
        Assert.DoesNotContain("fastest:", output, StringComparison.Ordinal);
    }

    // The bench's bug, which a random walk finds in hundreds of schedules and one priority change in a few:
    // on seed 1 random misses it within 100 on either engine, and every other strategy finds it.
    [Fact]
    public void TimeToBug_LastSeatsWithASmallBudget_RandomMissesTheOthersFind()
    {
        var (exit, output, error) = Run("time-to-bug", BenchDll, "-m", "LastSeats.CheckedThenTakenLater", "-i", "100", "--stress-runs", "1");

        Assert.Equal(ExitCode.Ok, exit);
        Assert.Empty(error);
        var rows = Rows(output);
        Assert.Equal(2, rows.Count(r => r.Strategy == "random"));
        Assert.All(rows.Where(r => r.Strategy == "random"), row => Assert.Equal(("0/1", "- 100"), (row.Found, row.Schedules)));
        Assert.All(rows.Where(r => r.Engine != "stress" && r.Strategy != "random"), row => Assert.Equal("1/1", row.Found));
        Assert.Contains("'-': found on fewer than half the seeds", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeToBug_ZeroStressRuns_ClearErrorAndExit1()
    {
        AssertUsageError(Run("time-to-bug", "--stress-runs", "0"), "--stress-runs", "at least 1");
    }

    [Fact]
    public void TimeToBug_ZeroSeeds_ClearErrorAndExit1()
    {
        AssertUsageError(Run("time-to-bug", "--seeds", "0"), "--seeds must be at least 1");
    }

    [Fact]
    public void TimeToBug_UnknownEngine_NamesTheValidOnes()
    {
        AssertUsageError(Run("time-to-bug", "--engine", "fast"), "Unknown engine 'fast'", "coyote, native, both");
    }

    private static List<(string Engine, string Strategy, string Found, string Schedules)> Rows(string output) =>
        RowPattern().Matches(output).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value)).ToList();

    // "  coyote  random              1/1           1        29.6"
    [GeneratedRegex(@"^  (coyote|native|stress)  (\S+(?: threads)?) +(\d+/\d+) +((?:- )?\d+(?:\.\d)?) +(?:- )?\d+\.\d$", RegexOptions.Multiline)]
    private static partial Regex RowPattern();
}
