using System.CommandLine;
using System.Globalization;
using Interleave.Harness.Tracing;

namespace Interleave.Harness.Cli;

/// <summary>
/// <c>interleave test [assembly.dll] [-m NAME] [-i N] [-s S] [--seed N] [--max-steps N] [-o DIR]
/// [--timeout SECONDS] [-p N]</c>: explores tests, prints a table, writes the trace and account of each bug.
/// </summary>
internal static class TestCommand
{
    internal const int DefaultIterations = 1000;
    internal const string DefaultOutDir = "interleave-out";

    internal static Command Create(TextWriter output, TextWriter error)
    {
        var assembly = SharedArguments.Assembly();
        var method = SharedArguments.Method();
        var iterations = new Option<int>("--iterations", "-i") { Description = "Schedules to explore per test (Coyote's own default is 1, too few to find most bugs).", DefaultValueFactory = _ => DefaultIterations, HelpName = "N" };
        var strategy = new Option<string>("--strategy", "-s") { Description = $"The scheduling strategy: {StrategyNames.Valid}.", DefaultValueFactory = _ => "random", HelpName = "S" };
        var seed = new Option<uint?>("--seed") { Description = "The random seed, to repeat a run [default: a fresh one].", HelpName = "N" };
        var maxSteps = new Option<int>("--max-steps") { Description = "Scheduling steps one schedule may take before it counts as a hang.", DefaultValueFactory = _ => new ExplorationOptions().MaxSteps, HelpName = "N" };
        var outDir = new Option<string>("--outdir", "-o") { Description = "Where to write <test>.trace and <test>.txt for each bug.", DefaultValueFactory = _ => DefaultOutDir, HelpName = "DIR" };
        var timeout = new Option<int?>("--timeout") { Description = "Stop exploring a test after SECONDS (no new schedule starts after it).", HelpName = "SECONDS" };
        var parallel = new Option<int>("--parallel", "-p") { Description = "Run up to N Coyote engines side by side: N tests at once, or, for a single test, its schedules split among N engines (the same schedules as one engine, sooner).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var command = new Command(
            "test",
            "Explore tests under many schedules and report the first bug of each. Exit code: 0 no bug, 1 error in use, 2 bug found, 3 internal error. "
            + "With the built-in scenarios and no -m, every scenario is checked against what it expects: 0 when each buggy one showed its bug and each correct one passed, 2 otherwise.")
        {
            assembly, method, iterations, strategy, seed, maxSteps, outDir, timeout, parallel,
        };
        command.SetAction(parse => Execute(
            new TestSettings
            {
                AssemblyPath = parse.GetValue(assembly),
                Method = parse.GetValue(method),
                Iterations = parse.GetValue(iterations),
                Strategy = parse.GetValue(strategy) ?? "random",
                Seed = parse.GetValue(seed),
                MaxSteps = parse.GetValue(maxSteps),
                OutDir = parse.GetValue(outDir) ?? DefaultOutDir,
                TimeoutSeconds = parse.GetValue(timeout),
                Parallel = parse.GetValue(parallel),
            },
            output,
            error));
        return command;
    }

    internal static int Execute(TestSettings settings, TextWriter output, TextWriter error)
    {
        var options = Validate(settings);
        var suite = TestDiscovery.Discover(settings.AssemblyPath, error);
        var selected = TestSelector.Select(suite, settings.Method);

        var parallel = settings.Parallel;
        if (parallel > 1 && selected.Any(t => t.Hooks.Any))
        {
            error.WriteLine($"interleave: note: {suite.Source} has [TestInit], [TestIterationDispose] or [TestDispose] methods, which keep state in statics across schedules: running one engine at a time.");
            parallel = 1;
        }

        var plural = selected.Count == 1 ? string.Empty : "s";
        var budget = settings.TimeoutSeconds is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" or {settings.TimeoutSeconds} s");
        var together = parallel <= 1 ? string.Empty
            : selected.Count == 1 ? string.Create(CultureInfo.InvariantCulture, $", on {parallel} engines side by side")
            : string.Create(CultureInfo.InvariantCulture, $", {parallel} at a time");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Exploring {selected.Count} test{plural} from {suite.Source} with the {StrategyNames.NameOf(options.Strategy)} strategy, up to {options.Iterations} schedules each{budget}{together}."));
        output.WriteLine();
        var table = new RunSummaryTable(selected, suite.IsBuiltIn);
        output.WriteLine(table.Header());
        var outcomes = ParallelRunner.Run(
            selected,
            parallel,
            test => Explore(test, selected.Count == 1 ? options with { ParallelEngines = parallel } : options, settings.OutDir),
            outcome => output.WriteLine(table.Row(outcome)));

        foreach (var outcome in outcomes.Where(o => o.Report.BugFound))
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {outcome.Case.Name}: {outcome.Report.Verdict} in schedule {outcome.Report.IterationsRun}"));
            output.Write(outcome.Report.Account);
            output.WriteLine("Replay: " + CommandText.ReplayLine(suite.AssemblyPath, outcome.TracePath!, outcome.Case.Name));
        }

        output.WriteLine();
        return Summarize(suite, settings.Method is null, outcomes, output);
    }

    private static ExplorationOptions Validate(TestSettings settings)
    {
        Require(settings.Iterations > 0, $"--iterations must be at least 1, not {settings.Iterations}.");
        Require(settings.MaxSteps > 0, $"--max-steps must be at least 1, not {settings.MaxSteps}.");
        Require(settings.TimeoutSeconds is null or > 0, $"--timeout must be at least 1 second, not {settings.TimeoutSeconds}.");
        Require(settings.Parallel > 0, $"--parallel must be at least 1, not {settings.Parallel}.");
        Require(!File.Exists(settings.OutDir), $"--outdir {settings.OutDir} is a file, not a directory.");
        var fileAbove = FileAbove(settings.OutDir);
        Require(fileAbove is null, $"--outdir {settings.OutDir} cannot be created: {fileAbove} is a file, not a directory.");
        return new ExplorationOptions
        {
            Iterations = settings.Iterations,
            Strategy = StrategyNames.Parse(settings.Strategy),
            Seed = settings.Seed,
            MaxSteps = settings.MaxSteps,
            Timeout = settings.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
    }

    // The nearest existing path above the output folder when it is a file: the folder can never be created
    // there, and saying so before exploring beats failing after minutes of it.
    private static string? FileAbove(string outDir)
    {
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(outDir)); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return parent;
            }

            if (Directory.Exists(parent))
            {
                return null;
            }
        }

        return null;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new UsageException(message);
        }
    }

    private static TestOutcome Explore(TestCase test, ExplorationOptions options, string outDir)
    {
        var report = Explorer.Run(test.Test, options with { TestName = test.FullName }, test.Hooks);
        return new TestOutcome(test, report, report.BugFound ? WriteFiles(test, report, outDir) : null);
    }

    // <outdir>/<name>.trace and <outdir>/<name>.txt; the trace names the test as Namespace.Type.Method
    // (ExplorationOptions.TestName), which is how replay finds it again without -m.
    private static string WriteFiles(TestCase test, ExplorationReport report, string outDir)
    {
        var name = string.Concat(test.Name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        var basePath = Path.Combine(outDir, name);
        try
        {
            Directory.CreateDirectory(outDir);
            File.WriteAllText(basePath + ".trace", report.Trace);
            File.WriteAllText(basePath + ".txt", report.Account);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot write the trace of {test.Name} to {outDir}: {failure.Message}", failure);
        }

        return basePath + ".trace";
    }

    private static int Summarize(TestSuite suite, bool wholeCatalog, IReadOnlyList<TestOutcome> outcomes, TextWriter output)
    {
        if (suite.IsBuiltIn && wholeCatalog)
        {
            var surprises = outcomes.Count(o => !o.AsExpected);
            output.WriteLine(surprises == 0
                ? $"Every scenario behaved as expected: {outcomes.Count(o => o.Report.BugFound)} bugs found, {outcomes.Count(o => !o.Report.BugFound)} correct programs passed."
                : $"{surprises} scenario(s) did not behave as expected (marked UNEXPECTED).");
            return surprises == 0 ? ExitCode.Ok : ExitCode.BugFound;
        }

        var bugs = outcomes.Count(o => o.Report.BugFound);
        var tests = outcomes.Count == 1 ? "1 test" : $"{outcomes.Count} tests";
        output.WriteLine(bugs == 0 ? $"No bug found in {tests}." : $"Found {bugs} bug(s) in {tests}.");
        return bugs == 0 ? ExitCode.Ok : ExitCode.BugFound;
    }
}
