using Interleave.Cli;
using Interleave.Cli.Commands;
using Interleave.Cli.Engines;
using Interleave.Cli.Runs;
using Interleave.Harness;
using Interleave.Harness.Exploration;

namespace Interleave.Tests.Systematic.Cli;

/// <summary>
/// <c>interleave test -p N</c> on several tests: engine processes started once, each taking the next test
/// (<see cref="ProcessPoolEngine"/>), and their side of it (<see cref="EngineProcessLoop"/>).
/// </summary>
[Collection(SampleAssemblyCollection.Name)]
public sealed class CliEngineProcessTests : CliTests
{
    [Fact]
    public void Test_SeveralTestsInEngineProcesses_FindWhatOneEngineFinds()
    {
        string[] run = ["test", "-m", "bank", "-i", "200", "--seed", "3"];
        var alone = Path.Combine(TempDir, "alone");
        var together = Path.Combine(TempDir, "together");
        var (exitAlone, outputAlone, errorAlone) = Run([.. run, "-o", alone, "--json", alone + ".json"]);
        var (exit, output, error) = Run([.. run, "-p", "2", "-o", together, "--json", together + ".json"]);

        Assert.True(exitAlone == ExitCode.BugFound, outputAlone + errorAlone);
        Assert.True(exit == ExitCode.BugFound, output + error);
        Assert.Contains(", 2 at a time in engine processes.", output, StringComparison.Ordinal);
        static object Found(TestResult r) => (r.Name, r.Verdict, r.FailingSchedule, r.SchedulesRun);
        Assert.Equal(
            RunSummaryFile.Read(alone + ".json").Tests.Select(Found),
            RunSummaryFile.Read(together + ".json").Tests.Select(Found));

        // Each process wrote its bug's files where one engine would have; they replay to the same account.
        foreach (var bug in new[] { "bank.unprotected-withdraw", "bank.stale-balance-written" })
        {
            var account = File.ReadAllText(Path.Combine(together, bug + ".txt"));
            Assert.Equal(File.ReadAllText(Path.Combine(alone, bug + ".txt")), account);
            Assert.Contains(account, output, StringComparison.Ordinal);
            var (replayExit, replayed, replayError) = Run("replay", Path.Combine(together, bug + ".trace"));
            Assert.True(replayExit == ExitCode.BugFound, replayed + replayError);
            Assert.Contains("identical", replayed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ProcessPool_PassesOnTheProcessesProgressAndResults()
    {
        var suite = TestDiscovery.BuiltIns();
        var reported = new List<int>();
        var progress = new Progress(reported);
        using var pool = new ProcessPoolEngine(Options(400, seed: 9, parallel: 2));

        var correct = pool.Explore(TestSelector.SelectOne(suite, "counter.locked"), progress);
        var buggy = pool.Explore(TestSelector.SelectOne(suite, "counter.unprotected"), progress: null);

        Assert.Equal((Verdict.NoBug, 400), (correct.Verdict, correct.SchedulesRun));
        Assert.NotEmpty(reported);
        Assert.Equal(reported.Order(), reported);
        Assert.InRange(reported[^1], 1, 400);
        Assert.Equal(Verdict.DataRace, buggy.Verdict);
        Assert.Contains("Data race on shared", buggy.ReadAccount(), StringComparison.Ordinal);
        Assert.True(File.Exists(buggy.Trace), buggy.Trace);
    }

    // Reports on the calling thread, unlike Progress<T>, which posts them.
    private sealed class Progress(List<int> reported) : IProgress<int>
    {
        public void Report(int value) => reported.Add(value);
    }

    [Fact]
    public void ProcessPool_AProcessThatFails_IsReportedWithItsExitCodeAndErrors()
    {
        // The engine process knows no such test: it says so on its error output and ends with exit code 1.
        var ghost = new TestCase("ghost", "Ghost", "Interleave.Scenarios.Ghost", () => Task.CompletedTask, TestHooks.None);
        using var pool = new ProcessPoolEngine(Options(10, seed: 1, parallel: 1));

        var failure = Assert.Throws<InvalidOperationException>(() => pool.Explore(ghost, progress: null));

        Assert.Contains("Engine process 1 failed with exit code 1 while exploring ghost:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("No test in the built-in scenarios is named Interleave.Scenarios.Ghost.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_AnswersEachJobWithProgressThenItsResult()
    {
        var suite = TestDiscovery.BuiltIns();
        string[] names = ["counter.locked", "counter.unprotected"];
        var jobs = names.Select(n => EngineJob.For(TestSelector.SelectOne(suite, n), new ExplorationOptions { Iterations = 300, Seed = 7 }, OutDir));
        var input = new StringReader(string.Join('\n', jobs.Select(EngineProtocol.JobLine)) + "\n");
        using var output = new StringWriter();

        var exit = EngineProcessLoop.Serve(suite, input, output);

        Assert.Equal(ExitCode.Ok, exit);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var results = lines.Select(EngineProtocol.ParseResult).OfType<TestResult>().ToList();
        Assert.Equal(names, results.Select(r => r.Name));
        Assert.Equal((Verdict.NoBug, 300), (results[0].Verdict, results[0].SchedulesRun));
        Assert.Equal(Verdict.DataRace, results[1].Verdict);
        Assert.True(File.Exists(results[1].Trace), results[1].Trace);
        Assert.NotNull(EngineProtocol.ParseProgress(lines[0]));
        Assert.All(lines, line => Assert.True(EngineProtocol.ParseProgress(line) is not null || EngineProtocol.ParseResult(line) is not null, line));
    }

    [Fact]
    public void Serve_AJobNamingNoTest_IsAUsageError()
    {
        var ghost = new TestCase("ghost", "NoSuchScenario", "Interleave.Scenarios.NoSuchScenario", () => Task.CompletedTask, TestHooks.None);
        var input = new StringReader(EngineProtocol.JobLine(EngineJob.For(ghost, new ExplorationOptions { Iterations = 1, Seed = 1 }, OutDir)) + "\n");

        var failure = Assert.Throws<UsageException>(() => EngineProcessLoop.Serve(TestDiscovery.BuiltIns(), input, TextWriter.Null));

        Assert.Contains("NoSuchScenario", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_ALineThatIsNoJob_IsAUsageError()
    {
        var failure = Assert.Throws<UsageException>(() => EngineProcessLoop.Serve(TestDiscovery.BuiltIns(), new StringReader("Interleave.Scenarios.BankScenarios.SafeWithdraw\n"), TextWriter.Null));

        Assert.Contains("one job of JSON a line", failure.Message, StringComparison.Ordinal);
    }

    private RunOptions Options(int iterations, uint seed, int parallel) =>
        new(AssemblyPath: null, new ExplorationOptions { Iterations = iterations, Seed = seed }, OutDir, parallel);
}
