using System.CommandLine;
using System.Globalization;

namespace Interleave.Harness.Cli;

/// <summary>
/// <c>interleave throughput [assembly.dll] [-m NAME] [-i N]</c>: schedules per second of the harness
/// against a bare Coyote <c>TestingEngine</c> on the same tests and seed, measured in this run.
/// </summary>
internal static class ThroughputCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var assembly = SharedArguments.Assembly();
        var method = SharedArguments.Method();
        var iterations = new Option<int>("--iterations", "-i") { Description = "Schedules per measurement.", DefaultValueFactory = _ => 300, HelpName = "N" };
        var rounds = new Option<int>("--rounds", "-r") { Description = "Measurements of each, taken in turns; the median is reported.", DefaultValueFactory = _ => 3, HelpName = "N" };
        var command = new Command("throughput", "Print schedules per second of the harness and of a bare Coyote TestingEngine on each bug-free test, and their ratio.")
        {
            assembly,
            method,
            iterations,
            rounds,
        };
        command.SetAction(parse => Execute(parse.GetValue(assembly), parse.GetValue(method), parse.GetValue(iterations), parse.GetValue(rounds), output, error));
        return command;
    }

    internal static int Execute(string? assemblyPath, string? pattern, int iterations, int rounds, TextWriter output, TextWriter error)
    {
        if (iterations <= 0)
        {
            throw new UsageException($"--iterations must be at least 1, not {iterations}.");
        }

        if (rounds <= 0)
        {
            throw new UsageException($"--rounds must be at least 1, not {rounds}.");
        }

        var tests = TestSelector.Select(TestDiscovery.Discover(assemblyPath, error), pattern)
            .Where(test => test.IsBuggy != true)
            .ToList();
        var width = Math.Max("test".Length, tests.Max(t => t.Name.Length));
        output.WriteLine($"{"test".PadRight(width)}  {"bare engine/s",13}  {"harness/s",10}  {"ratio",6}  {"no race check/s",15}  {"race check cost",15}");
        // "all": the same schedules of every test run back to back, i.e. total schedules over total time.
        double bareSeconds = 0, harnessSeconds = 0, uncheckedSeconds = 0;
        foreach (var test in tests)
        {
            var (bare, harness, withoutRaces) = Throughput.Measure(test.Test, iterations, rounds: rounds);
            bareSeconds += iterations / bare;
            harnessSeconds += iterations / harness;
            uncheckedSeconds += iterations / withoutRaces;
            output.WriteLine(Row(test.Name.PadRight(width), bare, harness, withoutRaces));
        }

        var schedules = (double)iterations * tests.Count;
        output.WriteLine(Row("all".PadRight(width), schedules / bareSeconds, schedules / harnessSeconds, schedules / uncheckedSeconds));
        return ExitCode.Ok;
    }

    // The race check's cost: the share of time the harness spends more with the detector than without.
    private static string Row(string name, double bare, double harness, double withoutRaces) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}  {bare,13:F0}  {harness,10:F0}  {harness / bare,6:P0}  {withoutRaces,15:F0}  {(withoutRaces / harness) - 1,15:P0}");
}
