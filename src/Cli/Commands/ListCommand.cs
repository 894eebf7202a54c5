using System.CommandLine;
using Interleave.Cli.Runs;

namespace Interleave.Cli.Commands;

/// <summary><c>interleave list [assembly.dll]</c>: one line per test.</summary>
internal static class ListCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var assembly = SharedArguments.Assembly();
        var command = new Command("list", "List the tests: the built-in scenarios (name, expected verdict, description) or an assembly's [Test] methods.")
        {
            assembly,
        };
        command.SetAction(parse => Execute(parse.GetValue(assembly), output, error));
        return command;
    }

    internal static int Execute(string? assemblyPath, TextWriter output, TextWriter error)
    {
        var suite = TestDiscovery.Discover(assemblyPath, error);
        var width = suite.Tests.Max(t => t.Name.Length);
        foreach (var test in suite.Tests)
        {
            var line = test.IsBuggy is { } buggy
                ? $"{test.Name.PadRight(width)}  {(buggy ? "bug" : "no bug"),-6}  {test.Description}"
                : $"{test.Name.PadRight(width)}  {test.FullName}";
            output.WriteLine(line);
        }

        return ExitCode.Ok;
    }
}
