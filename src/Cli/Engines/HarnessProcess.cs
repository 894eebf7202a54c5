using System.Diagnostics;
using System.Globalization;

namespace Interleave.Cli.Engines;

/// <summary>
/// This program started again as an engine process of <c>interleave test -p N</c>, pinned to a processor of its own.
/// </summary>
internal static class HarnessProcess
{
    /// <summary>Starts the harness with <paramref name="arguments"/>, its output and errors redirected.</summary>
    /// <param name="arguments">The command line after the program.</param>
    /// <param name="processor">
    /// The engine's index among its siblings, which picks the processor it is pinned to; null for an unpinned
    /// process with the runtime's defaults.
    /// </param>
    /// <param name="redirectInput">Whether the parent writes to its standard input.</param>
    /// <exception cref="InvalidOperationException">The process could not be started.</exception>
    internal static Process Start(IEnumerable<string> arguments, int? processor, bool redirectInput)
    {
        var (program, prefix) = Self();
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (processor is { } index)
        {
            start.Environment[CpuAffinity.Variable] = Invariant(index % Math.Min(Environment.ProcessorCount, 64));

            // On one processor, spinning while another thread runs only delays it: .NET spins in its waits
            // only when it counts more than one.
            start.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Cannot start an engine process ({program}).");
    }

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    // This harness as a program: its apphost when there is one beside it, else `dotnet Interleave.Harness.dll`
    // (a dotnet tool, or a build without an apphost).
    private static (string Program, string[] Prefix) Self()
    {
        var harness = typeof(HarnessProcess).Assembly.Location;
        var apphost = Path.ChangeExtension(harness, OperatingSystem.IsWindows() ? ".exe" : null);
        if (File.Exists(apphost))
        {
            return (apphost, []);
        }

        return (DotnetHost(), [harness]);
    }

    /// <summary>The <c>dotnet</c> host: the one running this program if it is, else the SDK's (DOTNET_HOST_PATH), else the path's.</summary>
    internal static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? path
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
