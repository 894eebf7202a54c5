using System.Diagnostics;
using System.Text.Json;
using Interleave.Cli.Engines;

namespace Interleave.Cli.Rewriting;

/// <summary>
/// Coyote's command-line tool (<c>Microsoft.Coyote.CLI</c>), found as a local tool of the manifest nearest the
/// working directory or the assembly (<c>dotnet tool run coyote</c>) or as a <c>coyote</c> command installed globally.
/// </summary>
/// <param name="Program">The program to start.</param>
/// <param name="Prefix">The arguments before Coyote's own: <c>tool run coyote</c> for a local tool.</param>
/// <param name="Origin">Where it was found, for messages.</param>
/// <param name="WorkingDirectory">Where to start it: for a local tool, a folder its manifest is above; else null.</param>
internal sealed record CoyoteTool(string Program, IReadOnlyList<string> Prefix, string Origin, string? WorkingDirectory = null)
{
    internal const string Package = "Microsoft.Coyote.CLI";
    internal const string Version = "1.7.11";

    private const string Command = "coyote";
    private static readonly TimeSpan RewriteTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How to install the tool, for the message that says it is missing.</summary>
    internal static string InstallHint =>
        $"install it in the repository with `dotnet new tool-manifest` (once) and `dotnet tool install {Package} --version {Version}`, "
        + $"or for the user with `dotnet tool install --global {Package} --version {Version}`";

    /// <summary>
    /// The tool as the local tool manifests above the working directory, then above <paramref name="assemblyFolder"/>,
    /// list it, or else installed globally.
    /// </summary>
    /// <exception cref="UsageException">None has it.</exception>
    internal static CoyoteTool Find(string assemblyFolder) =>
        Locate([Environment.CurrentDirectory, assemblyFolder], Environment.GetEnvironmentVariable("PATH"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile))
            ?? throw new UsageException($"--rewrite needs Coyote's command-line tool `{Command}`, which is not installed: {InstallHint}.");

    /// <summary>The tool as the manifests above each of <paramref name="directories"/> list it, or else in <paramref name="searchPath"/> or the user's tools.</summary>
    /// <param name="directories">Where the searches for a manifest start, in turn.</param>
    /// <param name="searchPath">The folders of the PATH variable.</param>
    /// <param name="home">The user's home, under which dotnet installs global tools.</param>
    /// <returns>The tool, or null if none has it.</returns>
    internal static CoyoteTool? Locate(IEnumerable<string> directories, string? searchPath, string home) =>
        directories.Select(FromManifest).FirstOrDefault(tool => tool is not null) ?? FromPath(searchPath, home);

    /// <summary>Runs <c>coyote rewrite <paramref name="assemblyPath"/></c>, which rewrites the assembly in place.</summary>
    /// <exception cref="UsageException">The tool could not be started, failed or did not finish in time.</exception>
    internal void Rewrite(string assemblyPath)
    {
        var start = new ProcessStartInfo(Program)
        {
            WorkingDirectory = WorkingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Prefix.Concat(["rewrite", assemblyPath]))
        {
            start.ArgumentList.Add(argument);
        }

        // Coyote 1.7.11 targets .NET 8; on a machine with a newer runtime only, it runs on that one.
        if (Environment.GetEnvironmentVariable("DOTNET_ROLL_FORWARD") is null)
        {
            start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        }

        using var process = StartOrExplain(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RewriteTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new UsageException($"coyote rewrite ({Origin}) did not finish within {RewriteTimeout.TotalMinutes:0} minutes on {assemblyPath}.");
        }

        if (process.ExitCode != 0)
        {
            var said = LastLines(errors.Result + output.Result);
            throw new UsageException($"coyote rewrite ({Origin}) failed with exit code {process.ExitCode} on {assemblyPath}: {said}");
        }
    }

    private Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new UsageException($"Cannot start coyote ({Origin}).");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new UsageException($"Cannot start coyote ({Origin}): {error.Message}. Or {InstallHint}.", error);
        }
    }

    // What a failing tool said, on one line: its last few lines, where the reason is.
    private static string LastLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "it printed nothing." : string.Join(" | ", lines.TakeLast(4));
    }

    // dotnet finds a local tool in the manifests above the working directory, nearest first, up to one that
    // says it is the root; so does this.
    private static CoyoteTool? FromManifest(string directory)
    {
        for (var folder = Path.GetFullPath(directory); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            foreach (var manifest in new[] { Path.Combine(folder, ".config", "dotnet-tools.json"), Path.Combine(folder, "dotnet-tools.json") })
            {
                if (!File.Exists(manifest))
                {
                    continue;
                }

                var (lists, isRoot) = Read(manifest);
                if (lists)
                {
                    return new CoyoteTool(HarnessProcess.DotnetHost(), ["tool", "run", Command], $"local tool of {manifest}", folder);
                }

                if (isRoot)
                {
                    return null;
                }
            }
        }

        return null;
    }

    private static (bool ListsCoyote, bool IsRoot) Read(string manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifest));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"The local tool manifest {manifest} is not a JSON object.");
            }

            var lists = root.TryGetProperty("tools", out var tools)
                && tools.ValueKind == JsonValueKind.Object
                && tools.EnumerateObject().Any(tool => string.Equals(tool.Name, Package, StringComparison.OrdinalIgnoreCase));
            var isRoot = root.TryGetProperty("isRoot", out var flag) && flag.ValueKind == JsonValueKind.True;
            return (lists, isRoot);
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read the local tool manifest {manifest}: {error.Message}", error);
        }
    }

    // A global tool is on the path, or in ~/.dotnet/tools where dotnet installs it before the path has it.
    private static CoyoteTool? FromPath(string? searchPath, string home)
    {
        var name = OperatingSystem.IsWindows() ? Command + ".exe" : Command;
        var folders = (searchPath ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(home, ".dotnet", "tools"));
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists) is { } program
            ? new CoyoteTool(program, [], program)
            : null;
    }
}
