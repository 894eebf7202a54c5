using Interleave.Cli;
using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Tests.Systematic.Cli;

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
        Assert.Contains("Data race on shared 'balance'", File.ReadAllText(account), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(OutDir, "bank.safe-withdraw.trace")));
        Assert.Matches(@"bank\.unprotected-withdraw +bug +DataRace +\d+ +\d+ ms +.*bank\.unprotected-withdraw\.trace", output);
        Assert.Matches(@"bank\.safe-withdraw +no bug +NoBug +200 ", output);
        Assert.Contains("DataRace: Data race on shared 'balance'", output, StringComparison.Ordinal); // the account
        Assert.Contains($"Replay: interleave replay {trace} -m bank.unprotected-withdraw", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_OnTheNativeEngine_FindsTheBugAndReplaysItsTrace()
    {
        var (exit, output, error) = Run("test", "-m", "locks", "--engine", "native", "-i", "300", "--seed", "5", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        Assert.Contains("with the portfolio strategy on the native engine (seed 5)", output, StringComparison.Ordinal);
        Assert.Matches(@"locks\.consistent-order +no bug +NoBug +300 ", output);
        var trace = Path.Combine(OutDir, "locks.opposite-order.trace");
        Assert.Contains("\"Engine\": \"Native\"", File.ReadAllText(trace), StringComparison.Ordinal);
        Assert.Contains("Cycle: task1 -> task2 -> task1", output, StringComparison.Ordinal);

        var (replayExit, replayOutput, replayError) = Run("replay", trace);

        Assert.True(replayExit == ExitCode.BugFound, replayOutput + replayError);
        Assert.Contains("The replayed account is identical to", replayOutput, StringComparison.Ordinal);
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

    // The count is the tree's (the property suite checks the search against an independent count); two buyers
    // under one lock have no steps on different primitives to reorder, so sleep sets skip none here.
    [Theory]
    [InlineData(false, "all 1278 schedules explored (no preemption bound): no bug")]
    [InlineData(true, "all 1278 schedules explored (no preemption bound, sleep sets): no bug")]
    public void Test_ExhaustiveSearchOfACorrectMethod_SaysHowManySchedulesItProvedFree(bool sleepSets, string proof)
    {
        string[] arguments = ["test", SampleDll, "-m", "SellUnderLock", "-e", "native", "-s", "exhaustive", "-i", "100000", "-v", "minimal", "-o", OutDir];
        var (exit, output, error) = Run(sleepSets ? [.. arguments, "--sleep-sets"] : arguments);

        Assert.True(exit == ExitCode.Ok, output + error);
        Assert.Contains(proof, output, StringComparison.Ordinal);
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
    public void Test_BuiltInsInParallel_PrintRowsInCatalogOrder()
    {
        var (exit, output, error) = Run("test", "-i", "100", "-p", "3", "--seed", "11", "-o", OutDir);

        Assert.True(exit == ExitCode.Ok, output + error);
        Assert.Contains(", 3 at a time in engine processes.", output, StringComparison.Ordinal);
        var rows = Interleave.Scenarios.ScenarioCatalog.All.Select(s => output.IndexOf(s.Name + "  ", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, rows);
        Assert.Equal(rows.Order(), rows);
    }

    [Fact]
    public void Test_OneTestInParallel_SplitsItsSchedulesAndFindsTheSameFirstBug()
    {
        var (_, alone, _) = Run("test", "-m", "priority.concurrent-submitters", "-s", "probabilistic", "-i", "160", "--seed", "2", "-o", OutDir);
        var (exit, together, error) = Run("test", "-m", "priority.concurrent-submitters", "-s", "probabilistic", "-i", "160", "--seed", "2", "-p", "2", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, together + error);
        Assert.Contains("in 2 engine processes side by side", together, StringComparison.Ordinal);
        Assert.Contains("AssertionFailure in schedule 11", alone, StringComparison.Ordinal);
        Assert.Contains("AssertionFailure in schedule 11", together, StringComparison.Ordinal);

        // The engine process's files, moved to the output folder, replay to the bug.
        var trace = Path.Combine(OutDir, "priority.concurrent-submitters.trace");
        Assert.True(File.Exists(Path.ChangeExtension(trace, ".html")), together);
        var (replayExit, replayed, replayError) = Run("replay", trace);
        Assert.True(replayExit == ExitCode.BugFound, replayed + replayError);
    }

    [Fact]
    public void Test_OneTestInParallel_BugInTheSecondRangeWaitsForTheFirstAndIsTheSame()
    {
        // Schedules 1-10 go to the first engine process, 11-20 to the second, whose bug at 11 counts only
        // once the first range has run clean.
        string[] run = ["test", "-m", "priority.concurrent-submitters", "-s", "probabilistic", "-i", "20", "--seed", "2", "-o", OutDir];
        var (_, alone, _) = Run(run);
        var (exit, together, error) = Run([.. run, "-p", "2", "--json", Path.Combine(TempDir, "run.json")]);

        Assert.True(exit == ExitCode.BugFound, together + error);
        Assert.Contains("AssertionFailure in schedule 11", alone, StringComparison.Ordinal);
        Assert.Contains("AssertionFailure in schedule 11", together, StringComparison.Ordinal);
        var result = RunSummaryFile.Read(Path.Combine(TempDir, "run.json")).Tests.Single();
        Assert.Equal(11, result.FailingSchedule);
        Assert.Equal(11, result.SchedulesRun);
    }

    [Fact]
    public void Test_OneTestInParallel_BugInAMiddleRangeStopsTheLastAndWaitsForTheFirst()
    {
        // Ranges 1-10, 11-20 and 21-30: the second finds the bug at 11 at once, the third is stopped
        // (nothing there can come first) and the first runs clean to its end.
        var json = Path.Combine(TempDir, "run.json");
        var (exit, output, error) = Run("test", "-m", "priority.concurrent-submitters", "-s", "probabilistic", "-i", "30", "--seed", "2", "-p", "3", "-o", OutDir, "--json", json);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var result = RunSummaryFile.Read(json).Tests.Single();
        Assert.Equal(11, result.FailingSchedule);
        Assert.Equal(11, result.SchedulesRun);
    }

    [Fact]
    public void Test_CorrectTestInParallel_EveryRangeRunsAndTheSchedulesAddUp()
    {
        var json = Path.Combine(TempDir, "run.json");
        var (exit, output, error) = Run("test", "-m", "counter.locked", "-i", "90", "--seed", "4", "-p", "3", "-o", OutDir, "--json", json);

        Assert.True(exit == ExitCode.Ok, output + error);
        Assert.Contains("in 3 engine processes side by side", output, StringComparison.Ordinal);
        var result = RunSummaryFile.Read(json).Tests.Single();
        Assert.Equal(Verdict.NoBug, result.Verdict);
        Assert.Equal(90, result.SchedulesRun);
    }

    [Fact]
    public void Test_AssemblyWithHooks_InEngineProcesses_RunsTheHooksInEachProcess()
    {
        // The season-ticket test fails unless the hooks open the office and restock its seat in the process
        // that explores it.
        var (exit, output, error) = Run("test", SampleDll, "-i", "50", "-p", "3", "-s", "portfolio", "-o", OutDir);

        Assert.Equal(ExitCode.BugFound, exit);
        Assert.Contains("with the portfolio strategy", output, StringComparison.Ordinal);
        Assert.Contains(", 3 at a time in engine processes.", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
        Assert.Matches(@"SeasonTicketTests\.SellLastSeatOfTheSeason +NoBug +50 ", output);
        Assert.Matches(@"TicketSaleTests\.OversellWithoutLock +AssertionFailure ", output);
    }

    [Fact]
    public void Test_OneTestWithHooksInParallel_RunsTheHooksInEachRangesProcess()
    {
        var (exit, output, error) = Run("test", SampleDll, "-m", "SellLastSeatOfTheSeason", "-i", "60", "-p", "2", "--seed", "1", "-o", OutDir);

        Assert.True(exit == ExitCode.Ok, output + error);
        Assert.Contains("in 2 engine processes side by side", output, StringComparison.Ordinal);
        Assert.Matches(@"SeasonTicketTests\.SellLastSeatOfTheSeason +NoBug +60 ", output);
    }

    [Fact]
    public void Test_AssemblyWithHooks_WithRaceWarnings_RunsInEngineProcessesLikeAnyRun()
    {
        var (exit, output, error) = Run("test", SampleDll, "-i", "50", "-p", "3", "-s", "portfolio", "--races", "warn", "-o", OutDir);

        Assert.Equal(ExitCode.BugFound, exit);
        Assert.Contains(", 3 at a time in engine processes.", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
        Assert.Matches(@"SeasonTicketTests\.SellLastSeatOfTheSeason +NoBug +50 ", output);
    }

    [Theory]
    [InlineData("bank")]
    [InlineData("bank.unprotected")]
    public void Test_RaceWarningsInEngineProcesses_AreThoseOfOneEngine(string tests)
    {
        string[] run = ["test", "-m", tests, "-i", "200", "--seed", "3", "--races", "warn", "-o", OutDir];
        var (exitAlone, alone, _) = Run(run);
        var (exit, together, error) = Run([.. run, "-p", "2"]);

        Assert.Equal(exitAlone, exit);
        Assert.Contains(" engine processes", together, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
        static IEnumerable<string> Warnings(string output) => output.Split(Environment.NewLine).Where(line => line.StartsWith("warning: ", StringComparison.Ordinal) || line.StartsWith("== ", StringComparison.Ordinal));
        Assert.Contains(Warnings(alone), line => line.StartsWith("warning: Data race on shared 'balance'", StringComparison.Ordinal));
        Assert.Equal(Warnings(alone), Warnings(together));
    }

    [Fact]
    public void Test_Timeout_StopsExploringAndSaysSo()
    {
        var (exit, output, error) = Run("test", SampleDll, "-m", "SellUnderLock", "-i", "1000000", "--timeout", "1", "--seed", "42", "-o", OutDir);

        Assert.True(exit == ExitCode.Ok, output + error);
        Assert.Contains("NoBug (timeout)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_VerbosityQuiet_PrintsOnlyTheClosingLine()
    {
        var (exit, output, error) = Run("test", "-m", "bank", "-i", "50", "--seed", "3", "-v", "quiet", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        Assert.Equal("Found 2 bug(s) in 4 tests." + Environment.NewLine, output);
    }

    [Fact]
    public void Test_VerbosityMinimal_PrintsTheTableButNoAccount()
    {
        var (exit, output, _) = Run("test", "-m", "bank", "-i", "50", "--seed", "3", "--verbosity", "minimal", "-o", OutDir);

        Assert.Equal(ExitCode.BugFound, exit);
        Assert.Contains("bank.unprotected-withdraw", output, StringComparison.Ordinal);
        Assert.Contains("(seed 3)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Schedule (", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Replay:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_UnknownVerbosity_IsAUsageError()
    {
        AssertUsageError(Run("test", "-m", "bank", "-v", "loud"), "Unknown verbosity 'loud': use quiet, minimal or normal.");
    }

    [Fact]
    public void Test_WithoutSeed_NamesTheSeedItChose_SoTheRunCanBeRepeated()
    {
        var (_, first, _) = Run("test", "-m", "buffer.if-guarded-wait", "-i", "200", "-o", OutDir);
        var seed = System.Text.RegularExpressions.Regex.Match(first, @"\(seed (\d+)\)").Groups[1].Value;
        var (_, again, _) = Run("test", "-m", "buffer.if-guarded-wait", "-i", "200", "--seed", seed, "-o", OutDir);

        Assert.NotEmpty(seed);
        Assert.Equal(Schedule(first), Schedule(again));
    }

    private static string Schedule(string output) =>
        System.Text.RegularExpressions.Regex.Match(output, @"AssertionFailure in schedule \d+").Value;

    [Fact]
    public void Test_ManyTests_WriteAnHtmlReportPerBugAndASummaryPage()
    {
        var (exit, output, error) = Run("test", "-m", "bank", "-i", "100", "--seed", "3", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var report = Path.Combine(OutDir, "bank.unprotected-withdraw.html");
        Assert.Contains("Report: " + report, output, StringComparison.Ordinal);
        Assert.Contains("class=\"lane\"", File.ReadAllText(report), StringComparison.Ordinal);
        var page = Path.Combine(OutDir, "index.html");
        Assert.Contains("Summary page: " + page, output, StringComparison.Ordinal);
        var summary = File.ReadAllText(page);
        Assert.Contains("data-test=\"bank.safe-withdraw\"", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"bank.unprotected-withdraw.html\"", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_RacesAsWarnings_ListsThemAndReportsTheAssertion()
    {
        var (exit, output, error) = Run("test", "-m", "bank.unprotected", "-i", "200", "--seed", "3", "--races", "warn", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        Assert.Matches(@"bank\.unprotected-withdraw +bug +AssertionFailure ", output);
        Assert.Contains("race and atomicity warning(s)", output, StringComparison.Ordinal);
        Assert.Contains("warning: Data race on shared 'balance'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_UnknownRaceMode_IsAUsageError()
    {
        AssertUsageError(Run("test", "-m", "bank", "--races", "maybe"), "Unknown --races 'maybe': use fail, warn or off.");
    }
}
