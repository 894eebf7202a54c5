using Interleave.Cli;

namespace Interleave.Tests.Systematic.Cli;

/// <summary><c>interleave time-to-bug</c>: a row per buggy test with every strategy and the stress baseline.</summary>
[Collection(SampleAssemblyCollection.Name)]
public sealed class CliTimeToBugTests : CliTests
{
    [Fact]
    public void TimeToBug_UnprotectedCounter_EveryStrategyFindsItAndCorrectTestsAreLeftOut()
    {
        var (exit, output, error) = Run("time-to-bug", "-m", "counter", "-i", "100", "--stress-seconds", "2");

        Assert.Equal(ExitCode.Ok, exit);
        Assert.Empty(error);
        Assert.Contains("random", output, StringComparison.Ordinal);
        Assert.Contains("portfolio", output, StringComparison.Ordinal);
        var row = Assert.Single(output.Split('\n'), line => line.StartsWith("counter.", StringComparison.Ordinal));
        Assert.StartsWith("counter.unprotected", row, StringComparison.Ordinal);
        var cells = System.Text.RegularExpressions.Regex.Matches(row, @"(- )?\d+ / \d+\.\d\d s").Select(m => m.Value).ToList();
        Assert.Equal(7, cells.Count); // six strategies and the stress baseline
        Assert.All(cells.Take(6), cell => Assert.False(cell.StartsWith('-'), $"a strategy missed the bug: {row}"));
    }

    [Fact]
    public void TimeToBug_ZeroStressRuns_ClearErrorAndExit1()
    {
        AssertUsageError(Run("time-to-bug", "--stress-runs", "0"), "--stress-runs", "at least 1");
    }
}
