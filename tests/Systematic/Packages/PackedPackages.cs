using System.Diagnostics;

namespace Interleave.Tests.Systematic.Packages;

/// <summary>
/// The packages, built once per test class by the README's pack command into a folder of their own, with a
/// version no earlier run used (so that NuGet's cache of packages never hands back an older build).
/// </summary>
public sealed class PackedPackages : IDisposable
{
    public PackedPackages()
    {
        Version = "0.0.0-test." + Guid.NewGuid().ToString("N")[..12];
        Folder = Path.Combine(Work, "packages");
        RunChecked("dotnet", [.. Readme.PackCommand.Split(' ').Skip(1), "-o", Folder, $"-p:Version={Version}"], RepositoryRoot);
    }

    /// <summary>Where the test's own files go; deleted at the end.</summary>
    public string Work { get; } = Path.Combine(Path.GetTempPath(), "interleave-packages-" + Guid.NewGuid().ToString("N"));

    /// <summary>The folder the packages were built into.</summary>
    public string Folder { get; }

    /// <summary>The version they were built with.</summary>
    public string Version { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public void Dispose()
    {
        Directory.Delete(Work, recursive: true);

        // The restores put this run's packages into NuGet's cache of packages; no later run asks for their version.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "interleave.primitives", "interleave.harness", "interleave.cli" })
        {
            var cached = Path.Combine(cache, id, Version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
    }

    /// <summary>The path of package <paramref name="id"/> (<c>.nupkg</c>, or <c>.snupkg</c> for its symbols).</summary>
    public string Package(string id, string extension = ".nupkg") => Path.Combine(Folder, $"{id}.{Version}{extension}");

    /// <summary>Runs <paramref name="program"/> and returns its exit code and its output and error, interleaved.</summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // Not the test run's own settings: the user's build starts from a clean slate.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("VSTEST_HOST_DEBUG");
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish in 4 minutes:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Runs <paramref name="program"/>, fails unless it exits 0, and returns its output.</summary>
    public static string RunChecked(string program, IEnumerable<string> arguments, string directory)
    {
        var (exitCode, output) = Run(program, arguments, directory);
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
        return output;
    }

    private static void Append(System.Text.StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Harness.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Harness.sln not found above " + AppContext.BaseDirectory);
    }
}
