using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;

namespace Interleave.Tests.Systematic.Packages;

/// <summary>
/// <c>dotnet pack</c> makes <c>interleave</c> a .NET tool (packed from source, installed from the local package
/// folder into a tool path, and run), and the harness library a package that pulls in no command line.
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
        Run("dotnet", ["pack", Path.Combine(RepositoryRoot(), "src", "Cli"), "-c", "Release", "-o", packages, "-p:Version=0.0.0-test"]);
        Assert.Single(Directory.GetFiles(packages, "Interleave.Cli.0.0.0-test.nupkg"));
        Run("dotnet", ["tool", "install", "Interleave.Cli", "--tool-path", tools, "--add-source", packages, "--version", "0.0.0-test"]);
        var listed = Run(Path.Combine(tools, "interleave"), ["list"]);

        Assert.Contains("bank.unprotected-withdraw", listed, StringComparison.Ordinal);
        Assert.Contains("locks.consistent-order", listed, StringComparison.Ordinal);
    }

    [Fact]
    public void HarnessLibrary_DependsOnThePrimitivesAndCoyoteOnly()
    {
        var packages = Path.Combine(_work, "nupkg");

        Run("dotnet", ["pack", Path.Combine(RepositoryRoot(), "src", "Harness"), "-c", "Release", "-o", packages, "-p:Version=0.0.0-test"]);

        using var package = ZipFile.OpenRead(Assert.Single(Directory.GetFiles(packages, "Interleave.Harness.0.0.0-test.nupkg")));
        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Distinct().Order();
        Assert.Equal(["Interleave.Primitives", "Microsoft.Coyote", "Microsoft.Coyote.Test"], dependencies);

        // And nothing further down: every package and project the library's restore pulls in.
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Harness", "obj", "project.assets.json")));
        var closure = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name.Split('/')[0]).ToList();
        Assert.Contains("Interleave.Primitives", closure);
        Assert.DoesNotContain(closure, name => name.StartsWith("System.CommandLine", StringComparison.Ordinal)
            || name.StartsWith("Spectre.Console", StringComparison.Ordinal) || name == "Interleave.Scenarios" || name == "Interleave.Cli");

        // The Release primitives the package was built on cannot switch a mutant on: the switch is Debug-only.
        using var primitives = new PEReader(File.OpenRead(Path.Combine(RepositoryRoot(), "src", "Primitives", "bin", "Release", "net10.0", "Interleave.Primitives.dll")));
        var metadata = primitives.GetMetadataReader();
        var mutation = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition).Single(t => metadata.GetString(t.Name) == "Mutation");
        Assert.Empty(mutation.GetProperties());
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
