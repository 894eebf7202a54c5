using System.CommandLine;
using System.Globalization;
using Interleave.Cli.Measurement;
using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Cli.Commands;

/// <summary>
/// <c>interleave time-to-bug [assembly.dll] [-m NAME] [-i N] [--seed N] [--stress-runs N] [--stress-seconds S]</c>:
/// for each buggy test, the schedules and time each strategy needs to find the bug, against a stress test of
/// the same code on real threads, measured in this run.
/// </summary>
internal static class TimeToBugCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var assembly = SharedArguments.Assembly();
        var method = SharedArguments.Method();
        var iterations = new Option<int>("--iterations", "-i") { Description = "The most schedules per strategy.", DefaultValueFactory = _ => 1000, HelpName = "N" };
        var seed = new Option<uint>("--seed") { Description = "The seed of every exploration.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var stressRuns = new Option<int>("--stress-runs") { Description = "The most runs of the stress baseline.", DefaultValueFactory = _ => 10_000, HelpName = "N" };
        var stressSeconds = new Option<int>("--stress-seconds") { Description = "The most seconds of the stress baseline per test.", DefaultValueFactory = _ => 10, HelpName = "S" };
        var command = new Command("time-to-bug", "For each test with a known bug (or every test of an assembly), print the schedules and time each strategy takes to find it, and the runs and time a stress test on real threads takes.")
        {
            assembly,
            method,
            iterations,
            seed,
            stressRuns,
            stressSeconds,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(assembly), parse.GetValue(method), parse.GetValue(iterations), parse.GetValue(seed),
            parse.GetValue(stressRuns), parse.GetValue(stressSeconds), output, error));
        return command;
    }

    internal static int Execute(string? assemblyPath, string? pattern, int iterations, uint seed, int stressRuns, int stressSeconds, TextWriter output, TextWriter error)
    {
        if (iterations <= 0 || stressRuns <= 0 || stressSeconds <= 0)
        {
            throw new UsageException($"--iterations, --stress-runs and --stress-seconds must be at least 1, not {iterations}, {stressRuns} and {stressSeconds}.");
        }

        var tests = TestSelector.Select(TestDiscovery.Discover(assemblyPath, error), pattern)
            .Where(test => test.IsBuggy != false)
            .ToList();
        var strategies = Enum.GetValues<ExplorationStrategy>();
        var width = Math.Max("test".Length, tests.Max(t => t.Name.Length));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Schedules and seconds to the first bug (seed {seed}, at most {iterations} schedules); stress: runs on real threads and seconds (at most {stressRuns} runs or {stressSeconds} s)."));
        output.WriteLine($"{"test".PadRight(width)}  {string.Join("  ", strategies.Select(s => StrategyNames.NameOf(s).PadLeft(16)))}  {"stress",18}");
        foreach (var test in tests)
        {
            var cells = strategies.Select(strategy =>
            {
                var report = Explorer.Run(test.Test, new ExplorationOptions { Iterations = iterations, Seed = seed, Strategy = strategy });
                return Cell(report.BugFound, report.IterationsRun, report.Elapsed, 16);
            });
            var row = $"{test.Name.PadRight(width)}  {string.Join("  ", cells)}";
            var stress = StressRun.Run(test.Test, stressRuns, TimeSpan.FromSeconds(stressSeconds), TimeSpan.FromSeconds(2));
            output.WriteLine($"{row}  {Cell(stress.BugFound, stress.Runs, stress.Elapsed, 18)}");
        }

        output.WriteLine("'-' : not found within the budget (the count is what was run).");
        return ExitCode.Ok;
    }

    private static string Cell(bool found, int count, TimeSpan elapsed, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"{(found ? string.Empty : "- ")}{count} / {elapsed.TotalSeconds:F2} s").PadLeft(width);
}
