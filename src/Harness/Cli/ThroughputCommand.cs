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
        var iterations = new Option<int>("--iterations", "-i") { Description = "Schedules per measurement.", DefaultValueFactory = _ => 300 };
        var command = new Command("throughput", "Print schedules per second of the harness and of a bare Coyote TestingEngine on each bug-free test, and their ratio.")
        {
            assembly,
            method,
            iterations,
        };
        command.SetAction(parse => Execute(parse.GetValue(assembly), parse.GetValue(method), parse.GetValue(iterations), output, error));
        return command;
    }

    internal static int Execute(string? assemblyPath, string? pattern, int iterations, TextWriter output, TextWriter error)
    {
        if (iterations <= 0)
        {
            throw new UsageException($"--iterations must be at least 1, not {iterations}.");
        }

        var tests = TestSelector.Select(TestDiscovery.Discover(assemblyPath, error), pattern)
            .Where(test => test.IsBuggy != true)
            .ToList();
        var width = Math.Max("test".Length, tests.Max(t => t.Name.Length));
        output.WriteLine($"{"test".PadRight(width)}  {"bare engine/s",13}  {"harness/s",10}  {"ratio",6}");
        double bareTotal = 0, harnessTotal = 0;
        foreach (var test in tests)
        {
            var (bare, harness) = Throughput.Measure(test.Test, iterations);
            bareTotal += bare;
            harnessTotal += harness;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{test.Name.PadRight(width)}  {bare,13:F0}  {harness,10:F0}  {harness / bare,6:P0}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all".PadRight(width)}  {bareTotal,13:F0}  {harnessTotal,10:F0}  {harnessTotal / bareTotal,6:P0}"));
        return ExitCode.Ok;
    }
}
