using System.CommandLine;
using System.Globalization;
using Interleave.Cli;
using Interleave.Cli.Display;
using Interleave.Cli.Engines;
using Interleave.Cli.Reports;
using Interleave.Cli.Runs;
using Interleave.Harness;
using Interleave.Harness.Reports;
using Spectre.Console;

namespace Interleave.Cli.Commands;

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
        var shard = new Option<string?>("--shard") { Description = "Run only the K-th of N disjoint ranges of the schedules (needs --seed): one job of a CI matrix; fold the --json summaries with interleave merge.", HelpName = "K/N" };
        var verbosity = new Option<string>("--verbosity", "-v") { Description = "quiet (the closing line), minimal (also the table) or normal (also each bug's account).", DefaultValueFactory = _ => "normal", HelpName = "LEVEL" };
        var races = new Option<string>("--races") { Description = "What a data race or an atomicity violation on a Shared<T> cell does: fail (the default), warn, or off.", DefaultValueFactory = _ => "fail", HelpName = "MODE" };
        var json = new Option<string?>("--json") { Description = "Also write a machine-readable run summary to PATH.", HelpName = "PATH" };
        var parallel = new Option<int>("--parallel", "-p") { Description = "Run up to N Coyote engines side by side: N tests at once, or, for a single test, its schedules split among N engines (the same schedules as one engine, sooner).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var serve = new Option<bool>("--serve") { Description = "Be an engine process of -p N: explore the tests named on standard input, one a line, answering on standard output.", Hidden = true };
        var command = new Command(
            "test",
            "Explore tests under many schedules and report the first bug of each. Exit code: 0 no bug, 1 error in use, 2 bug found, 3 internal error. "
            + "With the built-in scenarios and no -m, every scenario is checked against what it expects: 0 when each buggy one showed its bug and each correct one passed, 2 otherwise.")
        {
            assembly, method, iterations, strategy, seed, maxSteps, outDir, timeout, parallel, shard, json, verbosity, races, serve,
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
                Shard = parse.GetValue(shard),
                JsonPath = parse.GetValue(json),
                Verbosity = parse.GetValue(verbosity) ?? "normal",
                Races = parse.GetValue(races) ?? "fail",
                Serve = parse.GetValue(serve),
            },
            output,
            error));
        return command;
    }

    internal static int Execute(TestSettings settings, TextWriter output, TextWriter error)
    {
        var (options, shard) = Validate(settings);
        var suite = TestDiscovery.Discover(settings.AssemblyPath, error);
        if (settings.Serve)
        {
            // At a terminal it would wait for test names that nobody types.
            Require(Console.IsInputRedirected, "--serve is for the engine processes of -p N: it reads the tests to explore from its redirected input.");
            return EngineWorkerLoop.Serve(suite, options, settings.OutDir, Console.In, output);
        }

        var selected = TestSelector.Select(suite, settings.Method);

        // Several engines: engine processes, one per processor, scale where threads of one process do not.
        var parallel = settings.Parallel;
        var inProcesses = EngineProcesses.Suit(settings, selected.Count, parallel, options.Races);
        var inWorkers = EngineWorkers.Suit(selected.Count, parallel, options.Races);
        if (parallel > 1 && !inProcesses && !inWorkers && selected.Any(t => t.Hooks.Any))
        {
            error.WriteLine($"interleave: note: {suite.Source} has [TestInit], [TestIterationDispose] or [TestDispose] methods, which keep state in statics across schedules, and engines as threads of one process would share them: running one engine at a time.");
            parallel = 1;
        }

        using var workers = inWorkers ? new EngineWorkers(settings with { Parallel = parallel }, options.Seed!.Value) : null;
        var verbosity = ParseVerbosity(settings.Verbosity);
        if (verbosity > Verbosity.Quiet)
        {
            output.WriteLine(Heading(settings, options, suite, selected.Count, parallel, shard, inProcesses || inWorkers));
            output.WriteLine();
        }

        var display = verbosity > Verbosity.Quiet && Terminal(output) is { } terminal
            ? (IRunDisplay)new LiveRunDisplay(terminal, suite.IsBuiltIn, options.Iterations)
            : new PlainRunDisplay(output, suite.IsBuiltIn, quiet: verbosity == Verbosity.Quiet);
        var outcomes = display.Run(
            selected,
            parallel,
            (test, progress) => inProcesses ? EngineProcesses.Explore(test, settings, options.Seed!.Value, parallel)
                : workers is not null ? workers.Explore(test, progress)
                : Explore(test, options with { ParallelEngines = selected.Count == 1 ? parallel : 1, Progress = progress }, settings.OutDir));

        foreach (var outcome in outcomes.Where(o => o.Report.BugFound && verbosity == Verbosity.Normal))
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {outcome.Case.Name}: {outcome.Report.Verdict} in schedule {outcome.Report.FailingSchedule}"));
            output.Write(outcome.Report.Account);
            output.WriteLine("Report: " + Path.ChangeExtension(outcome.TracePath!, ".html"));
            output.WriteLine("Replay: " + CommandText.ReplayLine(suite.AssemblyPath, outcome.TracePath!, outcome.Case.Name));
        }

        foreach (var outcome in outcomes.Where(o => o.Report.RaceWarnings.Count > 0 && verbosity > Verbosity.Quiet))
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {outcome.Case.Name}: {outcome.Report.RaceWarnings.Count} race and atomicity warning(s)"));
            foreach (var race in outcome.Report.RaceWarnings)
            {
                output.WriteLine("warning: " + race.Message);
            }
        }

        if (selected.Count > 1)
        {
            var page = WriteSummaryPage(suite, outcomes, settings.OutDir);
            if (verbosity > Verbosity.Quiet)
            {
                output.WriteLine();
                output.WriteLine("Summary page: " + page);
            }
        }

        var summary = new RunSummary(
            suite.Source,
            StrategyNames.NameOf(options.Strategy),
            options.Seed!.Value,
            settings.Iterations,
            shard?.Count ?? 1,
            [shard?.Index ?? 1],
            suite.IsBuiltIn && settings.Method is null,
            [.. outcomes.Select(TestResult.From)]);
        if (settings.JsonPath is { } jsonPath)
        {
            RunSummaryFile.Write(jsonPath, summary);
        }

        if (verbosity > Verbosity.Quiet)
        {
            output.WriteLine();
        }

        output.WriteLine(summary.Conclusion());
        return summary.ExitCode;
    }

    // <outdir>/index.html: every test of the run, linking each bug's report, trace and account.
    private static string WriteSummaryPage(TestSuite suite, IReadOnlyList<TestOutcome> outcomes, string outDir)
    {
        string? Beside(TestResult result, string extension) =>
            result.Trace is { } trace ? Path.GetFileName(Path.ChangeExtension(trace, extension)) : null;
        var entries = outcomes.Select(TestResult.From).Select(r => new RunSummaryEntry(
            r.Name, r.ExpectedBug, r.Verdict, r.IterationsShown, TimeSpan.FromMilliseconds(r.ElapsedMilliseconds), Beside(r, ".html"), Beside(r, ".trace"), Beside(r, ".txt"))).ToList();
        var path = Path.Combine(outDir, "index.html");
        try
        {
            Directory.CreateDirectory(outDir);
            File.WriteAllText(path, RunSummaryPage.Render(entries, $"interleave test: {suite.Source}"));
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot write the summary page to {outDir}: {failure.Message}", failure);
        }

        return path;
    }

    private static Verbosity ParseVerbosity(string text) =>
        Enum.TryParse<Verbosity>(text, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new UsageException($"Unknown verbosity '{text}': use quiet, minimal or normal.");

    // A live display only for a person at a terminal: not for pipes, files, CI logs or captured output.
    private static IAnsiConsole? Terminal(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return null;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        return console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi ? console : null;
    }

    // "Exploring 3 tests from X with the random strategy (seed 42), up to 1000 schedules each, ..."
    private static string Heading(TestSettings settings, ExplorationOptions options, TestSuite suite, int tests, int parallel, Shard? shard, bool inProcesses)
    {
        var plural = tests == 1 ? string.Empty : "s";
        var schedules = shard is null
            ? string.Create(CultureInfo.InvariantCulture, $"up to {options.Iterations} schedules each")
            : string.Create(CultureInfo.InvariantCulture, $"shard {shard}: schedules {options.FirstSchedule + 1}-{options.FirstSchedule + options.Iterations} of {settings.Iterations} each");
        var budget = settings.TimeoutSeconds is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" or {settings.TimeoutSeconds} s");
        var together = parallel <= 1 ? string.Empty
            : tests > 1 ? string.Create(CultureInfo.InvariantCulture, $", {parallel} at a time{(inProcesses ? " in engine processes" : string.Empty)}")
            : inProcesses ? string.Create(CultureInfo.InvariantCulture, $", in {EngineProcesses.Count(settings, parallel)} engine processes side by side")
            : string.Create(CultureInfo.InvariantCulture, $", on {parallel} engines side by side");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Exploring {tests} test{plural} from {suite.Source} with the {StrategyNames.NameOf(options.Strategy)} strategy (seed {options.Seed}), {schedules}{budget}{together}.");
    }

    private static (ExplorationOptions Options, Shard? Shard) Validate(TestSettings settings)
    {
        Require(settings.Iterations > 0, $"--iterations must be at least 1, not {settings.Iterations}.");
        Require(settings.MaxSteps > 0, $"--max-steps must be at least 1, not {settings.MaxSteps}.");
        Require(settings.TimeoutSeconds is null or > 0, $"--timeout must be at least 1 second, not {settings.TimeoutSeconds}.");
        Require(settings.Parallel > 0, $"--parallel must be at least 1, not {settings.Parallel}.");
        var file = FileInTheWay(settings.OutDir);
        Require(file is null, file == Path.GetFullPath(settings.OutDir)
            ? $"--outdir {settings.OutDir} is a file, not a directory."
            : $"--outdir {settings.OutDir} cannot be created: {file} is a file, not a directory.");
        Require(settings.JsonPath is null || !Directory.Exists(settings.JsonPath), $"--json {settings.JsonPath} is a directory, not a file.");
        var shard = settings.Shard is { } text ? Shard.Parse(text) : (Shard?)null;
        Require(shard is null || settings.Seed is not null, "--shard needs --seed: every shard must split the schedules of the same seed.");
        var (first, count) = shard?.Range(settings.Iterations) ?? (0, settings.Iterations);

        // A seed is always chosen here, so the heading and the summary can say how to repeat the run.
        var options = new ExplorationOptions
        {
            Iterations = count,
            FirstSchedule = first,
            Strategy = StrategyNames.Parse(settings.Strategy),
            Seed = settings.Seed ?? (uint)Random.Shared.NextInt64(0, uint.MaxValue),
            MaxSteps = settings.MaxSteps,
            Timeout = settings.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Races = Enum.TryParse<RaceChecking>(settings.Races, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
                ? mode
                : throw new UsageException($"Unknown --races '{settings.Races}': use fail, warn or off."),
        };
        return (options, shard);
    }

    // The output folder itself or the nearest existing path above it, when that is a file: the folder can
    // never be created there, and saying so before exploring beats failing after minutes of it.
    private static string? FileInTheWay(string outDir)
    {
        for (var parent = Path.GetFullPath(outDir); parent is not null; parent = Path.GetDirectoryName(parent))
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

    /// <summary>Explores <paramref name="test"/> in this process and writes its bug's files, as one engine of <c>interleave test</c>.</summary>
    internal static TestOutcome Explore(TestCase test, ExplorationOptions options, string outDir)
    {
        var report = Explorer.Run(test.Test, options with { TestName = test.FullName }, test.Hooks);
        return new TestOutcome(test, report, report.BugFound ? WriteFiles(test, report, outDir) : null);
    }

    // <outdir>/<name>.trace, <outdir>/<name>.txt and <outdir>/<name>.html; the trace names the test as Namespace.Type.Method
    // (ExplorationOptions.TestName), which is how replay finds it again without -m.
    private static string WriteFiles(TestCase test, ExplorationReport report, string outDir)
    {
        var name = string.Concat(test.Name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        try
        {
            return BugFiles.Write(outDir, name, report, test.Name);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot write the trace of {test.Name} to {outDir}: {failure.Message}", failure);
        }
    }
}
