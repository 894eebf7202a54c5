using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interleave.Cli.Runs;
using Interleave.Harness;
using Interleave.Harness.Tracing;

namespace Interleave.Cli.Commands;

/// <summary>
/// <c>interleave replay [assembly.dll] file.trace [-m NAME]</c>: replays a recorded failing schedule, prints
/// its account, and says whether it matches the account recorded beside the trace. Exits 2: the bug reproduced.
/// </summary>
internal static class ReplayCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files")
        {
            Arity = new ArgumentArity(1, 2),
            HelpName = "[assembly.dll] file.trace",
            Description = "The assembly the trace was recorded on (omit it for the built-in scenarios), then the .trace file.",
        };
        var method = new Option<string?>("--method", "-m") { Description = "The test to replay [default: the test named in the trace].", HelpName = "NAME" };
        var command = new Command("replay", "Replay the schedule of a .trace file and print its account. Exit code: 2 the bug reproduced, 1 error in use (including a trace that no longer fits the code), 3 internal error.")
        {
            files, method,
        };
        command.SetAction(parse => Execute(parse.GetValue(files) ?? [], parse.GetValue(method), output, error));
        return command;
    }

    internal static int Execute(IReadOnlyList<string> files, string? method, TextWriter output, TextWriter error)
    {
        var (assemblyPath, tracePath) = files.Count == 2 ? (files[0], files[1]) : ((string?)null, files[0]);
        if (tracePath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"{tracePath} is an assembly, not a trace: interleave replay [assembly.dll] file.trace [-m NAME]");
        }

        var trace = Read(tracePath);
        var suite = TestDiscovery.Discover(assemblyPath, error);
        TraceFile.Validate(trace, testName: string.Empty);
        var test = method is null ? ByTraceName(suite, trace) : TestSelector.SelectOne(suite, method);

        var report = Explorer.Replay(test.Test, trace, test.FullName, test.Hooks);
        output.WriteLine($"Replayed {tracePath} on {test.Name}: {report.Verdict} reproduced.");
        output.WriteLine();
        output.Write(report.Account);
        var accountPath = Path.ChangeExtension(tracePath, ".txt");
        if (File.Exists(accountPath))
        {
            output.WriteLine();
            output.WriteLine(AccountComparison.Describe(Read(accountPath), report.Account, accountPath));
        }

        return report.BugFound ? ExitCode.BugFound : ExitCode.UsageError;
    }

    private static string Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"Cannot read {path}: it is a directory, not a .trace file.");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"Cannot read {path}: {failure.Message}", failure);
        }
    }

    private static TestCase ByTraceName(TestSuite suite, string trace)
    {
        string name;
        try
        {
            name = JsonNode.Parse(trace)?["TestName"]?.ToString() ?? string.Empty;
        }
        catch (JsonException failure)
        {
            throw new TraceException($"The trace is unreadable or truncated: {failure.Message}", failure);
        }

        if (name.Length == 0)
        {
            throw new UsageException("The trace does not name its test: pass -m NAME.");
        }

        return TestSelector.ByFullName(suite, name)
            ?? throw new UsageException(suite.IsBuiltIn
                ? $"The trace was recorded for {name}, which is not a built-in scenario: pass its assembly, interleave replay <assembly.dll> <file.trace>."
                : $"The trace was recorded for {name}, which is not a test in {suite.Source}: pass -m NAME, or the assembly it was recorded on.");
    }
}
