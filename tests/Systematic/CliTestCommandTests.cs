using Interleave.Harness.Cli;

namespace Interleave.Tests.Systematic;

/// <summary><c>interleave test</c> on the built-in scenarios and on a user's assembly.</summary>
[Collection(SampleAssemblyCollection.Name)]
public sealed class CliTestCommandTests : CliTests
{
    [Fact]
    public void Test_BankScenarios_FindsTheBugAndWritesTraceAndAccount()
    {
        var (exit, output, error) = Run("test", "-m", "bank", "--iterations", "200", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var trace = Path.Combine(OutDir, "bank.unprotected-withdraw.trace");
        var account = Path.Combine(OutDir, "bank.unprotected-withdraw.txt");
        Assert.True(File.Exists(trace));
        Assert.Contains("\"Steps\"", File.ReadAllText(trace), StringComparison.Ordinal);
        Assert.Contains("Both withdrew", File.ReadAllText(account), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(OutDir, "bank.safe-withdraw.trace")));
        Assert.Matches(@"bank\.unprotected-withdraw +bug +AssertionFailure +\d+ +\d+ ms +.*bank\.unprotected-withdraw\.trace", output);
        Assert.Matches(@"bank\.safe-withdraw +no bug +NoBug +200 ", output);
        Assert.Contains("Both withdrew: the balance is -600.", output, StringComparison.Ordinal); // the account
        Assert.Contains($"Replay: interleave replay {trace} -m bank.unprotected-withdraw", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_SampleAssemblyBuggyMethod_FindsTheBug()
    {
        var (exit, output, error) = Run("test", SampleDll, "-m", "OversellWithoutLock", "-i", "500", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        Assert.Contains("Oversold: 2 tickets for 1 seat.", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(OutDir, "TicketSaleTests.OversellWithoutLock.trace")));
        Assert.Contains($"interleave replay {SampleDll} {Path.Combine(OutDir, "TicketSaleTests.OversellWithoutLock.trace")} -m TicketSaleTests.OversellWithoutLock", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_SampleAssemblyCorrectMethods_ExitZero()
    {
        // Type.Method, and a method taking ICoyoteRuntime, side by side.
        var (exit, output, error) = Run("test", SampleDll, "-m", "TicketSaleTests.SellUnderLock", "-i", "100", "-o", OutDir);
        var (exitRuntime, outputRuntime, _) = Run("test", SampleDll, "-m", "SellUnderSemaphore", "-i", "100", "-o", OutDir, "-p", "2");

        Assert.True(exit == ExitCode.Ok, output + error);
        Assert.Matches(@"TicketSaleTests\.SellUnderLock +NoBug +100 ", output);
        Assert.Contains("No bug found in 1 test.", output, StringComparison.Ordinal);
        Assert.Equal(ExitCode.Ok, exitRuntime);
        Assert.Matches(@"TicketSaleTests\.SellUnderSemaphore +NoBug +100 ", outputRuntime);
        Assert.False(Directory.Exists(OutDir));
    }

    [Fact]
    public void Test_WholeSampleAssemblyInParallel_PrintsRowsInOrderAndExitsTwo()
    {
        var (exit, output, _) = Run("test", SampleDll, "-i", "50", "-p", "3", "-s", "prioritization", "-o", OutDir);

        Assert.Equal(ExitCode.BugFound, exit);
        Assert.Contains("with the prioritization strategy", output, StringComparison.Ordinal);
        var oversell = output.IndexOf("TicketSaleTests.OversellWithoutLock  ", StringComparison.Ordinal);
        var underLock = output.IndexOf("TicketSaleTests.SellUnderLock  ", StringComparison.Ordinal);
        var underSemaphore = output.IndexOf("TicketSaleTests.SellUnderSemaphore  ", StringComparison.Ordinal);
        Assert.True(oversell >= 0 && oversell < underLock && underLock < underSemaphore, output);
    }

    [Fact]
    public void Test_Timeout_StopsExploringAndSaysSo()
    {
        var (exit, output, error) = Run("test", SampleDll, "-m", "SellUnderLock", "-i", "1000000", "--timeout", "1", "--seed", "42", "-o", OutDir);

        Assert.True(exit == ExitCode.Ok, output + error);
        Assert.Contains("NoBug (timeout)", output, StringComparison.Ordinal);
    }
}
