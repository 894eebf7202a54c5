using System.Diagnostics;
using Interleave.Cli;

namespace Interleave.Tests.Systematic;

/// <summary>
/// Runs the <c>interleave</c> command in-process, with its output captured, in a temporary directory that
/// is removed after each test. The command-line test classes derive from it.
/// </summary>
public abstract class CliTests : IDisposable
{
    protected CliTests()
    {
        TempDir = Path.Combine(Path.GetTempPath(), "interleave-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(TempDir);
    }

    /// <summary>The sample user assembly (tests/SampleTests), copied beside the test assembly.</summary>
    protected static string SampleDll { get; } = Path.Combine(AppContext.BaseDirectory, "Interleave.SampleTests.dll");

    protected string TempDir { get; }

    protected string OutDir => Path.Combine(TempDir, "out");

    public void Dispose()
    {
        Directory.Delete(TempDir, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs the command as a process of its own, as a user does: for runs that load an assembly this process
    /// may hold already in another form (a copy rewritten otherwise), since a process loads one assembly of a name.
    /// </summary>
    protected static (int Exit, string Out, string Err) RunInOwnProcess(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Interleave.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>Asserts a usage error: exit 1, one line on stderr containing every fragment, nothing like a stack trace.</summary>
    protected static void AssertUsageError((int Exit, string Out, string Err) result, params string[] fragments)
    {
        Assert.True(result.Exit == ExitCode.UsageError, $"exit {result.Exit}; stderr: {result.Err}; stdout: {result.Out}");
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("interleave: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, result.Err, StringComparison.Ordinal);
        }
    }
}
