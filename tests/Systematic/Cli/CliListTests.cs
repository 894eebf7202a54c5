using Interleave.Cli;
using Interleave.Scenarios;

namespace Interleave.Tests.Systematic.Cli;

/// <summary><c>interleave list</c>: one line per built-in scenario or per [Test] method.</summary>
[Collection(SampleAssemblyCollection.Name)]
public sealed class CliListTests : CliTests
{
    [Fact]
    public void List_BuiltIn_PrintsEveryScenarioWithExpectedAndDescription()
    {
        var (exit, output, error) = Run("list");

        Assert.Equal(ExitCode.Ok, exit);
        Assert.Empty(error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ScenarioCatalog.All.Count, lines.Length);
        Assert.Matches(@"^bank\.unprotected-withdraw +bug +Two withdrawals", lines[0]);
        Assert.Matches(@"^bank\.safe-withdraw +no bug +The same withdrawals", lines[1]);
    }

    [Fact]
    public void List_Assembly_PrintsEachTestMethod()
    {
        var (exit, output, _) = Run("list", SampleDll);

        Assert.Equal(ExitCode.Ok, exit);
        Assert.Contains("TicketSaleTests.OversellWithoutLock", output, StringComparison.Ordinal);
        Assert.Contains("TicketSaleTests.SellUnderLock", output, StringComparison.Ordinal);
        Assert.Contains("TicketSaleTests.SellUnderSemaphore", output, StringComparison.Ordinal); // takes ICoyoteRuntime
    }

    [Fact]
    public void Help_TestCommand_StatesTheDefaultIterationsAndStrategies()
    {
        var (exit, output, _) = Run("test", "--help");

        Assert.Equal(ExitCode.Ok, exit);
        Assert.Contains("interleave test", output, StringComparison.Ordinal);
        Assert.Contains("[default: 1000]", output, StringComparison.Ordinal);
        Assert.Contains("random, prioritization, probabilistic, delay-bounding, q-learning", output, StringComparison.Ordinal);
    }
}
