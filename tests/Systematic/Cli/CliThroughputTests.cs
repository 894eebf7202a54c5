using Interleave.Cli;

namespace Interleave.Tests.Systematic.Cli;

/// <summary><c>interleave throughput</c>: the rates and their ratios per bug-free test, on both engines; buggy ones are skipped.</summary>
[Collection(SampleAssemblyCollection.Name)]
public sealed class CliThroughputTests : CliTests
{
    [Fact]
    public void Throughput_BankScenarios_ReportsRatesForTheCorrectOneOnly()
    {
        var (exit, output, error) = Run("throughput", "-m", "bank", "-i", "20");

        Assert.Equal(ExitCode.Ok, exit);
        Assert.Empty(error);
        Assert.Matches(@"bank\.safe-withdraw +\d+ +\d+ +\d+ ?%", output);

        // Then test -p 1 and test -p N, each in processes of its own, and their ratio; last the native engine's
        // schedules per second, their ratio to the harness on Coyote's, and its microseconds per step.
        Assert.Contains("-p 1 process/s", output, StringComparison.Ordinal);
        Assert.Matches(@"bank\.safe-withdraw .* \d+ +\d+ +\d+\.\d\dx +\d+ +\d+\.\dx +\d+\.\d\d\r?$", output.Split('\n').First(line => line.StartsWith("bank.safe-withdraw", StringComparison.Ordinal)));
        Assert.Matches(@"native engine: \d+\.\dx the schedules per second of the harness on Coyote's \(median of the 2 rows\), \d+\.\d\d µs per scheduling step", output);
        Assert.DoesNotContain("unprotected", output, StringComparison.Ordinal);

        // Over both correct tests, the -p columns are one run of both, in engine processes taking them in turn.
        Assert.Matches(@"all .* \d+ +\d+ +\d+\.\d\dx +\d+ +\d+\.\dx +\d+\.\d\d\r?$", output.Split('\n').First(line => line.StartsWith("all ", StringComparison.Ordinal)));
        Assert.Contains("all, -p columns: the 2 tests as one run", output, StringComparison.Ordinal);
        Assert.Contains("ratio", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ThroughputHang_TwoBounds_ReportsEachEngineAndTheRatioOfTheirStepCosts()
    {
        var (exit, output, error) = Run("throughput", "--hang", "--hang-steps", "20", "40", "-r", "1");

        Assert.Equal(ExitCode.Ok, exit);
        Assert.Empty(error);

        // Each engine's hang comes at ten times the bound (the fair strategies' hang bound), as do the bare engine's.
        Assert.Matches(@"coyote +20 +200 +\d+\.\d\d +\d+\.\d\d", output);
        Assert.Matches(@"bare +40 +400 +\d+\.\d\d +\d+\.\d\d", output);
        Assert.Matches(@"native +40 +400 +\d+\.\d\d +\d+\.\d\d", output);
        Assert.Matches(@"native: a step at --max-steps 40 costs \d+\.\d\dx one at 20 \(1 is linear\)\.", output);
        Assert.DoesNotContain("bank", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ThroughputHang_ZeroSteps_ClearErrorAndExit1()
    {
        var (exit, _, error) = Run("throughput", "--hang", "--hang-steps", "0");

        Assert.Equal(ExitCode.UsageError, exit);
        Assert.Contains("--hang-steps must be one or more bounds of at least 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Throughput_ZeroIterations_ClearErrorAndExit1()
    {
        var (exit, _, error) = Run("throughput", "-i", "0");

        Assert.Equal(ExitCode.UsageError, exit);
        Assert.Contains("--iterations must be at least 1", error, StringComparison.Ordinal);
    }
}
