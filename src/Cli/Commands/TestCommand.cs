using System.CommandLine;
using System.Globalization;
using Interleave.Cli.Display;
using Interleave.Cli.Engines;
using Interleave.Cli.Reports;
using Interleave.Cli.Rewriting;
using Interleave.Cli.Runs;
using Interleave.Harness;
using Spectre.Console;

namespace Interleave.Cli.Commands;

/// <summary>
/// <c>interleave test [assembly.dll] [-m NAME] [-i N] [-s S] [--seed N] [--max-steps N] [-o DIR]
/// [--timeout SECONDS] [-p N] [--rewrite]</c>: explores tests, prints a table, writes the trace and account of each bug.
/// </summary>
internal static class TestCommand
{
    internal const int DefaultIterations = 1000;
    internal const string DefaultOutDir = "interleave-out";

    /// <summary>How long each failing schedule is shrunk unless told otherwise: enough for the built-in bugs many times over.</summary>
    internal const double DefaultMinimizeSeconds = 10;

    internal static Command Create(TextWriter output, TextWriter error)
    {
        var assembly = SharedArguments.Assembly();
        var method = SharedArguments.Method();
        var iterations = new Option<int>("--iterations", "-i") { Description = "Schedules to explore per test (Coyote's own default is 1, too few to find most bugs).", DefaultValueFactory = _ => DefaultIterations, HelpName = "N" };
        var strategy = new Option<string>("--strategy", "-s") { Description = $"The scheduling strategy: {StrategyNames.Valid}.", DefaultValueFactory = _ => StrategyNames.Default, HelpName = "S" };
        var engineName = new Option<string>("--engine", "-e") { Description = $"The scheduler: {EngineNames.Valid}. coyote (Coyote's TestingEngine) is the reference and the only one for rewritten assemblies; native (Interleave's own) runs tests on Interleave's primitives many times faster, with the strategies random, probabilistic, pos, surw, prioritization, exhaustive and portfolio.", DefaultValueFactory = _ => EngineNames.Default, HelpName = "E" };
        var seed = new Option<uint?>("--seed") { Description = "The random seed, to repeat a run [default: a fresh one].", HelpName = "N" };
        var sleepSets = new Option<bool>("--sleep-sets") { Description = "With --strategy exhaustive and no --preemption-bound: skip the schedules that differ from one run only in the order of steps of different tasks on different primitives. Sound only when tasks share state through Interleave's primitives and Shared<T> alone (not a plain field, not a cancellation token one cancels while another checks it)." };
        var preemptionBound = new Option<int?>("--preemption-bound") { Description = "With --strategy exhaustive: the most preemptions (switches away from a task that could go on) in a schedule [default: no bound].", HelpName = "K" };
        var minimizeSeconds = new Option<double>("--minimize-seconds") { Description = "How long to shrink each failing schedule before reporting it: the fewest preemptions, then the fewest steps, that show the same bug (searched on the native engine; the schedule as found is kept as <test>.original.trace).", DefaultValueFactory = _ => DefaultMinimizeSeconds, HelpName = "S" };
        var noMinimize = new Option<bool>("--no-minimize") { Description = "Report each failing schedule as the exploration found it, unshrunk." };
        var maxSteps = new Option<int>("--max-steps") { Description = "Scheduling steps one schedule may take before it counts as a hang.", DefaultValueFactory = _ => new ExplorationOptions().MaxSteps, HelpName = "N" };
        var outDir = new Option<string>("--outdir", "-o") { Description = "Where to write <test>.trace and <test>.txt for each bug.", DefaultValueFactory = _ => DefaultOutDir, HelpName = "DIR" };
        var timeout = new Option<int?>("--timeout") { Description = "Stop exploring a test after SECONDS (no new schedule starts after it).", HelpName = "SECONDS" };
        var shard = new Option<string?>("--shard") { Description = "Run only the K-th of N disjoint ranges of the schedules (needs --seed): one job of a CI matrix; fold the --json summaries with interleave merge.", HelpName = "K/N" };
        var verbosity = new Option<string>("--verbosity", "-v") { Description = "quiet (the closing line), minimal (also the table) or normal (also each bug's account).", DefaultValueFactory = _ => "normal", HelpName = "LEVEL" };
        var races = new Option<string>("--races") { Description = "What a data race or an atomicity violation on a Shared<T> cell (or an observed field) does: fail (the default), warn, or off.", DefaultValueFactory = _ => "fail", HelpName = "MODE" };
        var json = new Option<string?>("--json") { Description = "Also write a machine-readable run summary to PATH.", HelpName = "PATH" };
        var rewrite = new Option<bool>("--rewrite") { Description = "Rewrite a copy of the assembly with coyote rewrite first (from a local tool manifest or a global install), for code on .NET's own Task.Run, lock, SemaphoreSlim...; an assembly rewritten already is explored as it is." };
        var observeFields = SharedArguments.ObserveFields();
        var parallel = new Option<int>("--parallel", "-p") { Description = "Run up to N Coyote engines side by side: N tests at once, or, for a single test, its schedules split among N engines (the same schedules as one engine, sooner).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var command = new Command(
            "test",
            "Explore tests under many schedules and report the first bug of each. Exit code: 0 no bug, 1 error in use, 2 bug found, 3 internal error. "
            + "With the built-in scenarios and no -m, every scenario is checked against what it expects: 0 when each buggy one showed its bug and each correct one passed, 2 otherwise.")
        {
            assembly, method, iterations, strategy, engineName, seed, maxSteps, preemptionBound, sleepSets, minimizeSeconds, noMinimize, outDir, timeout, parallel, shard, json, verbosity, races, rewrite, observeFields,
        };
        command.SetAction(parse => Execute(
            new TestSettings
            {
                AssemblyPath = parse.GetValue(assembly),
                Method = parse.GetValue(method),
                Iterations = parse.GetValue(iterations),
                Strategy = parse.GetValue(strategy) ?? StrategyNames.Default,
                Engine = parse.GetValue(engineName) ?? EngineNames.Default,
                Seed = parse.GetValue(seed),
                MaxSteps = parse.GetValue(maxSteps),
                PreemptionBound = parse.GetValue(preemptionBound),
                SleepSets = parse.GetValue(sleepSets),
                MinimizeSeconds = parse.GetValue(minimizeSeconds),
                NoMinimize = parse.GetValue(noMinimize),
                OutDir = parse.GetValue(outDir) ?? DefaultOutDir,
                TimeoutSeconds = parse.GetValue(timeout),
                Parallel = parse.GetValue(parallel),
                Shard = parse.GetValue(shard),
                JsonPath = parse.GetValue(json),
                Verbosity = parse.GetValue(verbosity) ?? "normal",
                Races = parse.GetValue(races) ?? "fail",
                Rewrite = parse.GetValue(rewrite),
                ObserveFields = parse.GetValue(observeFields),
            },
            output,
            error));
        return command;
    }

    internal static int Execute(TestSettings settings, TextWriter output, TextWriter error)
    {
        var (exploration, shard) = Validate(settings);
        var verbosity = ParseVerbosity(settings.Verbosity);
        var rewritten = settings.Rewrite ? RewrittenAssembly.Prepare(settings.AssemblyPath!, settings.OutDir, settings.ObserveFields) : null;
        var assemblyPath = rewritten?.AssemblyPath ?? settings.AssemblyPath;
        var suite = TestDiscovery.Discover(assemblyPath, error);
        var selected = TestSelector.Select(suite, settings.Method);
        if (exploration.Engine == SchedulingEngine.Native && selected.FirstOrDefault(test => test.Hooks.IsRewritten) is { } rewrittenTest)
        {
            throw new UsageException(
                $"{suite.Source} was rewritten by coyote rewrite ({rewrittenTest.Name} is one of its tests): only the Coyote engine controls rewritten code. Drop --engine native.");
        }

        var options = new RunOptions(assemblyPath, exploration, settings.OutDir, settings.Parallel);
        using var engine = ExplorationEngines.For(options, selected.Count);
        if (verbosity > Verbosity.Quiet)
        {
            if (rewritten is not null)
            {
                output.WriteLine(rewritten.Note);
            }

            output.WriteLine(Heading(settings, exploration, suite, selected.Count, shard, engine));
            output.WriteLine();
        }

        var display = verbosity > Verbosity.Quiet && Terminal(output) is { } terminal
            ? (IRunDisplay)new LiveRunDisplay(terminal, suite.IsBuiltIn, exploration.Iterations, selected.Count)
            : new PlainRunDisplay(output, selected, suite.IsBuiltIn, quiet: verbosity == Verbosity.Quiet);
        IReadOnlyList<TestResult> results = [];
        display.Show(() => results = TestRun.Execute(selected, engine, engine.TestsAtOnce, display));
        display.Summarize(results);

        foreach (var result in results.Where(r => r.Failed && verbosity == Verbosity.Normal))
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {result.Name}: {result.Verdict} in schedule {result.FailingSchedule}"));
            output.Write(result.ReadAccount());
            if (result.Minimization is { } minimization)
            {
                output.WriteLine("Minimized: " + minimization.Text);
            }

            output.WriteLine("Report: " + Path.ChangeExtension(result.Trace!, ".html"));
            output.WriteLine("Replay: " + CommandText.ReplayLine(suite.AssemblyPath, result.Trace!, result.Name));
        }

        foreach (var result in results.Where(r => r.RaceWarnings.Count > 0 && verbosity > Verbosity.Quiet))
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {result.Name}: {result.RaceWarnings.Count} race and atomicity warning(s)"));
            foreach (var race in result.RaceWarnings)
            {
                output.WriteLine("warning: " + race.Message);
            }
        }

        if (selected.Count > 1)
        {
            var page = WriteSummaryPage(suite, results, settings.OutDir);
            if (verbosity > Verbosity.Quiet)
            {
                output.WriteLine();
                output.WriteLine("Summary page: " + page);
            }
        }

        var summary = new RunSummary(
            suite.Source,
            StrategyNames.NameOf(exploration.Strategy),
            exploration.Seed!.Value,
            settings.Iterations,
            shard?.Count ?? 1,
            [shard?.Index ?? 1],
            suite.IsBuiltIn && settings.Method is null,
            results);
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
    private static string WriteSummaryPage(TestSuite suite, IReadOnlyList<TestResult> results, string outDir)
    {
        string? Beside(TestResult result, string extension) =>
            result.Trace is { } trace ? Path.GetFileName(Path.ChangeExtension(trace, extension)) : null;
        var entries = results.Select(r => new RunSummaryEntry(
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
    private static string Heading(TestSettings settings, ExplorationOptions options, TestSuite suite, int tests, Shard? shard, IExplorationEngine engine)
    {
        var plural = tests == 1 ? string.Empty : "s";
        var schedules = shard is null
            ? string.Create(CultureInfo.InvariantCulture, $"up to {options.Iterations} schedules each")
            : string.Create(CultureInfo.InvariantCulture, $"shard {shard}: schedules {options.FirstSchedule + 1}-{options.FirstSchedule + options.Iterations} of {settings.Iterations} each");
        var budget = settings.TimeoutSeconds is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" or {settings.TimeoutSeconds} s");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Exploring {tests} test{plural} from {suite.Source} with the {StrategyNames.NameOf(options.Strategy)} strategy{(options.Engine == SchedulingEngine.Native ? " on the native engine" : string.Empty)} (seed {options.Seed}), {schedules}{budget}{engine.Placement}.");
    }

    private static (ExplorationOptions Options, Shard? Shard) Validate(TestSettings settings)
    {
        Require(settings.Iterations > 0, $"--iterations must be at least 1, not {settings.Iterations}.");
        Require(settings.MaxSteps > 0, $"--max-steps must be at least 1, not {settings.MaxSteps}.");
        Require(settings.TimeoutSeconds is null or > 0, $"--timeout must be at least 1 second, not {settings.TimeoutSeconds}.");
        Require(settings.Parallel > 0, $"--parallel must be at least 1, not {settings.Parallel}.");
        Require(!settings.ObserveFields || settings.Rewrite, "--observe-fields needs --rewrite: fields are observed by rewriting the assembly.");
        Require(!settings.Rewrite || settings.AssemblyPath is not null, "--rewrite needs an assembly.dll: the built-in scenarios run on Interleave primitives, which need no rewriting.");
        var file = FileInTheWay(settings.OutDir);
        Require(file is null, file == Path.GetFullPath(settings.OutDir)
            ? $"--outdir {settings.OutDir} is a file, not a directory."
            : $"--outdir {settings.OutDir} cannot be created: {file} is a file, not a directory.");
        Require(settings.JsonPath is null || !Directory.Exists(settings.JsonPath), $"--json {settings.JsonPath} is a directory, not a file.");
        var shard = settings.Shard is { } text ? Shard.Parse(text) : (Shard?)null;
        Require(shard is null || settings.Seed is not null, "--shard needs --seed: every shard must split the schedules of the same seed.");
        var engine = EngineNames.Parse(settings.Engine);

        var strategy = StrategyNames.Parse(settings.Strategy);
        Require(engine == SchedulingEngine.Coyote || !settings.Rewrite, "--engine native cannot run rewritten code: only the Coyote engine controls what coyote rewrite produces. Drop --rewrite or --engine native.");
        Require(
            engine == SchedulingEngine.Coyote || Explorer.NativeStrategies.Contains(strategy),
            $"--engine native has the strategies {string.Join(", ", Explorer.NativeStrategies.Select(StrategyNames.NameOf))}: {StrategyNames.NameOf(strategy)} runs on --engine coyote.");
        Require(
            engine == SchedulingEngine.Native || strategy != ExplorationStrategy.PartialOrderSampling,
            "--strategy pos runs on --engine native only: Coyote 1.7.11 has no partial order sampling.");
        Require(
            engine == SchedulingEngine.Native || strategy != ExplorationStrategy.SelectivelyUniformWalk,
            "--strategy surw runs on --engine native only: Coyote 1.7.11 has no selectively uniform walk.");
        Require(
            engine == SchedulingEngine.Native || strategy != ExplorationStrategy.Exhaustive,
            "--strategy exhaustive runs on --engine native only: Coyote's DFS does not say when it has run every schedule.");
        Require(strategy != ExplorationStrategy.Exhaustive || shard is null, "--strategy exhaustive cannot be sharded: each of its schedules depends on the ones before.");
        Require(settings.PreemptionBound is null || strategy == ExplorationStrategy.Exhaustive, "--preemption-bound bounds the exhaustive search: add --strategy exhaustive --engine native.");
        Require(!settings.SleepSets || (strategy == ExplorationStrategy.Exhaustive && settings.PreemptionBound is null), "--sleep-sets prunes the exhaustive search without a bound: add --strategy exhaustive --engine native and drop --preemption-bound.");
        Require(settings.MinimizeSeconds > 0 && double.IsFinite(settings.MinimizeSeconds), $"--minimize-seconds must be a positive number of seconds, not {settings.MinimizeSeconds.ToString(CultureInfo.InvariantCulture)}; --no-minimize skips the shrinking.");
        Require(settings.PreemptionBound is null or >= 0, $"--preemption-bound must be at least 0, not {settings.PreemptionBound}.");
        var (first, count) = shard?.Range(settings.Iterations, strategy) ?? (0, settings.Iterations);

        // A seed is always chosen here, so the heading and the summary can say how to repeat the run.
        var options = new ExplorationOptions
        {
            Iterations = count,
            FirstSchedule = first,
            Strategy = strategy,
            Engine = engine,
            Seed = settings.Seed ?? (uint)Random.Shared.NextInt64(0, uint.MaxValue),
            MaxSteps = settings.MaxSteps,
            PreemptionBound = settings.PreemptionBound,
            SleepSets = settings.SleepSets,
            MinimizeFor = settings.NoMinimize ? null : TimeSpan.FromSeconds(settings.MinimizeSeconds),
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
}
