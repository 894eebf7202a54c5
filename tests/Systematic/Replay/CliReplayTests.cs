using Interleave.Cli;

namespace Interleave.Tests.Systematic.Replay;

/// <summary><c>interleave replay</c>: the recorded bug comes back with the same account.</summary>
[Collection(SampleAssemblyCollection.Name)]
public sealed class CliReplayTests : CliTests
{
    [Fact]
    public void Replay_BuiltInTraceWithoutMethod_ReproducesTheIdenticalAccount()
    {
        var trace = Record("test", "-m", "bank.unprotected-withdraw", "-i", "200", "-o", OutDir);

        var (exit, output, error) = Run("replay", trace);

        Assert.True(exit == ExitCode.BugFound, output + error);
        Assert.Contains("on bank.unprotected-withdraw: DataRace reproduced", output, StringComparison.Ordinal);
        Assert.Contains("Data race on shared 'balance'", output, StringComparison.Ordinal);
        Assert.Contains("The replayed account is identical to", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_SampleAssemblyTraceWithMethod_ReproducesTheIdenticalAccount()
    {
        var trace = Record("test", SampleDll, "-m", "OversellWithoutLock", "-i", "500", "-o", OutDir);

        var (exit, output, error) = Run("replay", SampleDll, trace, "-m", "TicketSaleTests.OversellWithoutLock");
        var (exitByName, outputByName, _) = Run("replay", SampleDll, trace);

        Assert.True(exit == ExitCode.BugFound, output + error);
        Assert.Contains("Oversold: 2 tickets for 1 seat.", output, StringComparison.Ordinal);
        Assert.Contains("The replayed account is identical to", output, StringComparison.Ordinal);
        Assert.Equal(ExitCode.BugFound, exitByName);
        Assert.Contains("The replayed account is identical to", outputByName, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_AccountEditedSinceRecording_NamesTheFirstDifferingLine()
    {
        var trace = Record("test", "-m", "bank.unprotected-withdraw", "-i", "200", "-o", OutDir);
        var accountPath = Path.ChangeExtension(trace, ".txt");
        var lines = File.ReadAllLines(accountPath);
        lines[2] = lines[2] + " (edited)";
        File.WriteAllLines(accountPath, lines);

        var (exit, output, _) = Run("replay", trace);

        Assert.Equal(ExitCode.BugFound, exit);
        Assert.Contains("differs from", output, StringComparison.Ordinal);
        Assert.Contains("at line 3:", output, StringComparison.Ordinal);
        Assert.Contains("(edited)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_TraceOfAnotherTest_IsAUsageError()
    {
        var trace = Record("test", "-m", "bank.unprotected-withdraw", "-i", "200", "-o", OutDir);

        AssertUsageError(Run("replay", trace, "-m", "counter.unprotected"), "recorded for test", "UnprotectedWithdraw");
    }

    [Fact]
    public void Replay_TraceOfAnotherCoyoteVersion_IsAUsageError()
    {
        // Coyote's trace as found: a shrunk schedule would be the native engine's.
        var trace = Record("test", "-m", "bank.unprotected-withdraw", "-i", "200", "--no-minimize", "-o", OutDir);
        File.WriteAllText(trace, File.ReadAllText(trace).Replace("\"CoyoteVersion\": \"", "\"CoyoteVersion\": \"0.", StringComparison.Ordinal));

        AssertUsageError(Run("replay", trace), "recorded with Coyote 0.");
    }

    [Fact]
    public void Replay_TruncatedOrMissingTrace_IsAUsageError()
    {
        var trace = Record("test", "-m", "bank.unprotected-withdraw", "-i", "200", "-o", OutDir);
        File.WriteAllText(trace, File.ReadAllText(trace)[..40]);

        AssertUsageError(Run("replay", trace), "unreadable or truncated");
        AssertUsageError(Run("replay", Path.Combine(TempDir, "missing.trace")), "Cannot read", "missing.trace");
    }

    [Fact]
    public void Replay_DirectoryAsTrace_IsAUsageError()
    {
        var directory = Path.Combine(TempDir, "bank.trace");
        Directory.CreateDirectory(directory);

        AssertUsageError(Run("replay", directory), "Cannot read", "bank.trace: it is a directory, not a .trace file");
    }

    [Fact]
    public void Replay_TraceThatNoLongerFitsTheCode_SaysWhereItDeparts()
    {
        // As after a code change: the trace names counter.unprotected, but its schedule is bank's. Replayed,
        // it ends without a failure or (on some recorded schedules) in counter's lost increment: either way
        // not the recorded failure. Coyote's trace as found: a shrunk schedule would be the native engine's.
        var trace = Record("test", "-m", "bank.unprotected-withdraw", "-i", "200", "--no-minimize", "-o", OutDir);
        File.WriteAllText(trace, File.ReadAllText(trace).Replace(
            "Interleave.Scenarios.BankScenarios.UnprotectedWithdraw", "Interleave.Scenarios.CounterScenarios.UnprotectedIncrement", StringComparison.Ordinal));

        AssertUsageError(
            Run("replay", trace, "-m", "counter.unprotected"),
            "first departs from the recorded account at line 2: recorded '",
            "start task Alice",
            "replayed '",
            "start task Worker-1",
            "the code under test changed");
    }

    [Fact]
    public void Replay_SampleTraceWithoutItsAssembly_SaysToPassTheAssembly()
    {
        var trace = Record("test", SampleDll, "-m", "OversellWithoutLock", "-i", "500", "-o", OutDir);

        AssertUsageError(Run("replay", trace), "not a built-in scenario", "assembly");
    }

    private static string Record(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.True(exit == ExitCode.BugFound, output + error);
        var line = output.Split('\n').Single(l => l.StartsWith("Replay: ", StringComparison.Ordinal));
        return line.Split(' ').Single(word => word.EndsWith(".trace", StringComparison.Ordinal));
    }
}
