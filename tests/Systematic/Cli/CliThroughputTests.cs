using Interleave.Cli;

namespace Interleave.Tests.Systematic.Cli;

/// <summary><c>interleave throughput</c>: both rates and their ratio per bug-free test; buggy ones are skipped.</summary>
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

        // The last three columns: test -p 1 and test -p N, each in processes of its own, and their ratio.
        Assert.Contains("-p 1 process/s", output, StringComparison.Ordinal);
        Assert.Matches(@"bank\.safe-withdraw .* \d+ +\d+ +\d+\.\d\dx\r?$", output.Split('\n').First(line => line.StartsWith("bank.safe-withdraw", StringComparison.Ordinal)));
        Assert.DoesNotContain("unprotected", output, StringComparison.Ordinal);

        // Over both correct tests, the -p columns are one run of both, in engine processes taking them in turn.
        Assert.Matches(@"all .* \d+ +\d+ +\d+\.\d\dx\r?$", output.Split('\n').First(line => line.StartsWith("all ", StringComparison.Ordinal)));
        Assert.Contains("all, -p columns: the 2 tests as one run", output, StringComparison.Ordinal);
        Assert.Contains("ratio", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Throughput_ZeroIterations_ClearErrorAndExit1()
    {
        var (exit, _, error) = Run("throughput", "-i", "0");

        Assert.Equal(ExitCode.UsageError, exit);
        Assert.Contains("--iterations must be at least 1", error, StringComparison.Ordinal);
    }
}
