using System.Diagnostics;

namespace Interleave.Tests.Systematic;

/// <summary>
/// <c>dotnet pack</c> makes <c>interleave</c> a .NET tool: packed from source, installed from the local
/// package folder into a tool path, and run.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "interleave-tool-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void PackedTool_InstallsFromTheLocalFolder_AndListsTheScenarios()
    {
        var packages = Path.Combine(_work, "nupkg");
        var tools = Path.Combine(_work, "tools");

        // Release, so the pack does not rebuild the Debug binaries this test run is using.
        Run("dotnet", ["pack", Path.Combine(RepositoryRoot(), "src", "Harness"), "-c", "Release", "-o", packages, "-p:Version=0.0.0-test"]);
        Assert.Single(Directory.GetFiles(packages, "Interleave.Harness.0.0.0-test.nupkg"));
        Run("dotnet", ["tool", "install", "Interleave.Harness", "--tool-path", tools, "--add-source", packages, "--version", "0.0.0-test"]);
        var listed = Run(Path.Combine(tools, "interleave"), ["list"]);

        Assert.Contains("bank.unprotected-withdraw", listed, StringComparison.Ordinal);
        Assert.Contains("locks.consistent-order", listed, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Harness.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Harness.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }

        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output.Result}\n{error.Result}");
        return output.Result;
    }
}
