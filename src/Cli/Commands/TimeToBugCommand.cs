using System.CommandLine;
using System.Globalization;
using Interleave.Cli.Measurement;
using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Cli.Commands;

/// <summary>
/// <c>interleave time-to-bug [assembly.dll] [-m NAME] [-i N] [--seed N] [--seeds N] [-e coyote|native|both]
/// [--stress-runs N] [--stress-seconds S]</c>: for each buggy test, the schedules and wall time each strategy of
/// each engine needs to find the bug (medians over the seeds), against a stress test of the same code on real
/// threads, measured in this run.
/// </summary>
internal static class TimeToBugCommand
{
    private const string Both = "both";

    internal static Command Create(TextWriter output, TextWriter error)
    {
        var assembly = SharedArguments.Assembly();
        var method = SharedArguments.Method();
        var iterations = new Option<int>("--iterations", "-i") { Description = "The most schedules per strategy and seed.", DefaultValueFactory = _ => 1000, HelpName = "N" };
        var seed = new Option<uint>("--seed") { Description = "The first seed.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var seeds = new Option<int>("--seeds") { Description = "How many seeds: every strategy explores the test once per seed, the strategies taking turns seed by seed, and the table gives the medians over the seeds. The seeds are --seed, --seed + N, --seed + 2N... for N = --iterations: both engines run schedule k of a seed at seed + k - 1, so seeds closer together would explore the same schedules, shifted.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var engine = new Option<string>("--engine", "-e") { Description = "Whose strategies to measure: coyote (Coyote's TestingEngine), native (Interleave's own) or both, each engine's strategies one after the other.", DefaultValueFactory = _ => Both, HelpName = "E" };
        var stressRuns = new Option<int>("--stress-runs") { Description = "The most runs of the stress baseline.", DefaultValueFactory = _ => 10_000, HelpName = "N" };
        var stressSeconds = new Option<int>("--stress-seconds") { Description = "The most seconds of the stress baseline per test.", DefaultValueFactory = _ => 10, HelpName = "S" };
        var command = new Command("time-to-bug", "For each test with a known bug (or every test of an assembly), print the schedules and wall time each strategy of each engine takes to find it (medians over --seeds seeds; a miss counts as the whole budget), the fastest strategy of each engine and how many times less wall time the native one takes, and the runs and time a stress test on real threads takes. Every engine first runs one untimed schedule of the test, so that no measurement pays for compiling the code.")
        {
            assembly,
            method,
            iterations,
            seed,
            seeds,
            engine,
            stressRuns,
            stressSeconds,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(assembly), parse.GetValue(method), parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(seeds),
            parse.GetValue(engine)!, parse.GetValue(stressRuns), parse.GetValue(stressSeconds), output, error));
        return command;
    }

    internal static int Execute(
        string? assemblyPath, string? pattern, int iterations, uint seed, int seeds, string engine, int stressRuns, int stressSeconds, TextWriter output, TextWriter error)
    {
        if (iterations <= 0 || stressRuns <= 0 || stressSeconds <= 0)
        {
            throw new UsageException($"--iterations, --stress-runs and --stress-seconds must be at least 1, not {iterations}, {stressRuns} and {stressSeconds}.");
        }

        if (seeds <= 0 || seed + ((ulong)seeds - 1) * (ulong)iterations > uint.MaxValue)
        {
            throw new UsageException($"--seeds must be at least 1, and the last seed (--seed {seed} plus {seeds} - 1 times --iterations {iterations}) at most {uint.MaxValue}.");
        }

        var engines = Engines(engine);
        var tests = TestSelector.Select(TestDiscovery.Discover(assemblyPath, error), pattern)
            .Where(test => test.IsBuggy != false)
            .ToList();
        // Seeds a budget apart: no two of them explore a schedule in common.
        var seedList = Enumerable.Range(0, seeds).Select(index => seed + ((uint)index * (uint)iterations)).ToList();
        var seedText = seeds == 1 ? $"seed {seed}" : $"the median over the {seeds} seeds {(seeds <= 3 ? string.Join(", ", seedList) : $"{seed}, {seedList[1]}, ... {seedList[^1]}")}";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Schedules and wall time to the first bug, {seedText} (each strategy at most {iterations} schedules a seed); stress: runs on real threads and their time (at most {stressRuns} runs or {stressSeconds} s)."));

        var fastest = new List<(string Test, StrategyTimes? Coyote, StrategyTimes? Native)>();
        foreach (var test in tests)
        {
            // Coyote's engine alone controls code that coyote rewrite produced.
            var strategies = engines
                .Where(e => e == SchedulingEngine.Coyote || !test.Hooks.IsRewritten)
                .SelectMany(e => StrategiesOf(e).Select(s => (e, s)))
                .ToList();
            var times = TimeToBug.Measure(test.Test, test.Hooks, strategies, seedList, iterations);
            var stress = StressRun.Run(test.Test, stressRuns, TimeSpan.FromSeconds(stressSeconds), TimeSpan.FromSeconds(2));
            var best = (Fastest(times, SchedulingEngine.Coyote), Fastest(times, SchedulingEngine.Native));
            fastest.Add((test.Name, best.Item1, best.Item2));
            WriteTest(output, test.Name, times, stress, engines, test.Hooks.IsRewritten, best.Item1, best.Item2);
        }

        if (tests.Count > 1 && engines.Count > 1)
        {
            WriteSummary(output, fastest);
        }

        output.WriteLine("'-': found on fewer than half the seeds within the budget (a miss counts as the schedules and time it ran, so the median is a lower bound).");
        return ExitCode.Ok;
    }

    /// <summary>Each engine's strategies: Coyote's, then the native engine's, as the harness lists them.</summary>
    internal static IReadOnlyList<ExplorationStrategy> StrategiesOf(SchedulingEngine engine) => engine switch
    {
        SchedulingEngine.Coyote => Explorer.CoyoteStrategies,
        SchedulingEngine.Native => Explorer.NativeStrategies,
    };

    private static List<SchedulingEngine> Engines(string name) =>
        string.Equals(name.Trim(), Both, StringComparison.OrdinalIgnoreCase)
            ? [SchedulingEngine.Coyote, SchedulingEngine.Native]
            : name.Trim().ToLowerInvariant() switch
            {
                "coyote" => [SchedulingEngine.Coyote],
                "native" => [SchedulingEngine.Native],
                _ => throw new UsageException($"Unknown engine '{name}': use one of {EngineNames.Valid}, {Both}."),
            };

    // The strategy of the engine whose median run took the least wall time, among those whose median found the bug.
    private static StrategyTimes? Fastest(IReadOnlyList<StrategyTimes> times, SchedulingEngine engine) =>
        times.Where(t => t.Engine == engine && t.MedianFound).MinBy(t => t.MedianElapsed);

    private static void WriteTest(
        TextWriter output, string name, IReadOnlyList<StrategyTimes> times, StressResult stress, List<SchedulingEngine> engines, bool rewritten, StrategyTimes? coyote, StrategyTimes? native)
    {
        output.WriteLine();
        output.WriteLine(name);
        output.WriteLine($"  {"engine",-6}  {"strategy",-14}  {"found",7}  {"schedules",10}  {"ms",10}");
        foreach (var t in times)
        {
            var mark = t.MedianFound ? string.Empty : "- ";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {EngineName(t.Engine),-6}  {StrategyNames.NameOf(t.Strategy),-14}  {$"{t.Found}/{t.Hunts.Count}",7}  {$"{mark}{t.MedianSchedules:0.#}",10}  {$"{mark}{t.MedianElapsed.TotalMilliseconds:F1}",10}"));
        }

        if (rewritten && engines.Contains(SchedulingEngine.Native))
        {
            output.WriteLine("  native  none: the assembly was rewritten by coyote rewrite, whose code only Coyote's engine controls");
        }

        var stressMark = stress.BugFound ? string.Empty : "- ";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"stress",-6}  {"real threads",-14}  {(stress.BugFound ? "1/1" : "0/1"),7}  {$"{stressMark}{stress.Runs}",10}  {$"{stressMark}{stress.Elapsed.TotalMilliseconds:F1}",10}"));
        if (engines.Count > 1 && !rewritten)
        {
            output.WriteLine($"  fastest: {Comparison(coyote, native)}");
        }
    }

    private static void WriteSummary(TextWriter output, List<(string Test, StrategyTimes? Coyote, StrategyTimes? Native)> fastest)
    {
        var width = Math.Max("test".Length, fastest.Max(f => f.Test.Length));
        output.WriteLine();
        output.WriteLine("The fastest strategy of each engine (median wall time):");
        output.WriteLine($"{"test".PadRight(width)}  {"coyote",-26}  {"native",-26}  {"coyote/native",13}");
        foreach (var (test, coyote, native) in fastest)
        {
            output.WriteLine($"{test.PadRight(width)}  {Best(coyote),-26}  {Best(native),-26}  {Ratio(coyote, native),13}");
        }
    }

    private static string Comparison(StrategyTimes? coyote, StrategyTimes? native) =>
        (coyote, native) switch
        {
            (null, null) => "no strategy of either engine found the bug on half the seeds.",
            (null, _) => $"native {Best(native)}; no coyote strategy found the bug on half the seeds.",
            (_, null) => $"coyote {Best(coyote)}; no native strategy found the bug on half the seeds.",
            _ => $"native {Best(native)} against coyote {Best(coyote)}: {Ratio(coyote, native)} less wall time on the native engine.",
        };

    private static string Best(StrategyTimes? times) => times is null
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{StrategyNames.NameOf(times.Strategy)} {times.MedianElapsed.TotalMilliseconds:F1} ms");

    private static string Ratio(StrategyTimes? coyote, StrategyTimes? native) => coyote is null || native is null
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{coyote.MedianElapsed.TotalMilliseconds / Math.Max(native.MedianElapsed.TotalMilliseconds, 0.001):F1}x");

    private static string EngineName(SchedulingEngine engine) => engine switch
    {
        SchedulingEngine.Coyote => "coyote",
        SchedulingEngine.Native => "native",
    };
}
