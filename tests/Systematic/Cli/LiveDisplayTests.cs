using System.Diagnostics;

namespace Interleave.Tests.Systematic.Cli;

/// <summary>
/// At a terminal <c>interleave test</c> shows live progress and a coloured table; in a pipe it prints plain
/// lines. The terminal is a real pseudo-terminal, made by util-linux's <c>script</c> (in every Debian).
/// </summary>
public class LiveDisplayTests
{
    private static readonly string Harness = Path.Combine(AppContext.BaseDirectory, "Interleave.Cli.dll");

    [Fact]
    public void AtATerminal_ProgressAndAColouredTable()
    {
        var output = InTerminal($"dotnet {Harness} test -m bank -i 400 --seed 3 -v minimal -o {Path.GetTempPath()}interleave-live");

        Assert.Contains("\u001b[", output, StringComparison.Ordinal); // ANSI escapes: colour and cursor moves
        Assert.Matches(@"\d+ schedules, \d+/s", output); // the progress line of a running test
        Assert.Contains("╭", output, StringComparison.Ordinal); // the table's rounded border
        Assert.Contains("bank.safe-withdraw", output, StringComparison.Ordinal);
        Assert.Contains("Found 2 bug(s) in 4 tests.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void InAPipe_PlainLinesWithoutEscapes()
    {
        var output = Run("dotnet", [Harness, "test", "-m", "bank", "-i", "400", "--seed", "3", "-v", "minimal", "-o", Path.GetTempPath() + "interleave-live"]);

        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        Assert.DoesNotContain("╭", output, StringComparison.Ordinal);
        Assert.Matches(@"bank\.safe-withdraw +no bug +NoBug +400 ", output);
    }

    private static string InTerminal(string command) =>
        Run("script", ["-qec", command, "/dev/null"], ("TERM", "xterm-256color"), ("COLUMNS", "160"));

    private static string Run(string program, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish in 2 minutes.");
        }

        return output.Result;
    }
}
