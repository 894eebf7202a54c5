using Interleave.Cli.Rewriting;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>Where <c>interleave test --rewrite</c> finds <c>coyote</c>: a local tool manifest first, as dotnet looks for one, then the path.</summary>
public sealed class CoyoteToolTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "interleave-tool-" + Guid.NewGuid().ToString("N"));

    public CoyoteToolTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Locate_AManifestAboveThatListsCoyote_RunsItAsALocalTool()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "repo", "tests", "bin")).FullName;
        var manifest = WriteManifest(Path.Combine(_root, "repo"), isRoot: true, "microsoft.coyote.cli");

        var tool = CoyoteTool.Locate([project], searchPath: null, home: _root);

        Assert.NotNull(tool);
        Assert.Equal(["tool", "run", "coyote"], tool.Prefix);
        Assert.Equal($"local tool of {manifest}", tool.Origin);
    }

    [Fact]
    public void Locate_ANearerManifestWithoutCoyote_LooksFurtherUpUnlessItIsTheRoot()
    {
        var project = Path.Combine(_root, "repo", "src");
        var outer = WriteManifest(Path.Combine(_root, "repo"), isRoot: true, "Microsoft.Coyote.CLI");
        WriteManifest(project, isRoot: false, "dotnet-ef");

        Assert.Equal($"local tool of {outer}", CoyoteTool.Locate([project], searchPath: null, home: _root)?.Origin);

        WriteManifest(project, isRoot: true, "dotnet-ef");
        Assert.Null(CoyoteTool.Locate([project], searchPath: null, home: _root));
    }

    [Fact]
    public void Locate_NoManifestAboveTheWorkingDirectory_LooksAboveTheAssembly()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        var assemblyFolder = Directory.CreateDirectory(Path.Combine(_root, "repo", "bin")).FullName;
        var manifest = WriteManifest(Path.Combine(_root, "repo"), isRoot: true, "microsoft.coyote.cli");

        var tool = CoyoteTool.Locate([elsewhere, assemblyFolder], searchPath: null, home: _root);

        Assert.Equal($"local tool of {manifest}", tool?.Origin);
        Assert.Equal(Path.Combine(_root, "repo"), tool?.WorkingDirectory);
    }

    [Fact]
    public void Locate_NoManifest_FindsAGlobalToolOnThePathOrInTheUsersTools()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        var userTools = Directory.CreateDirectory(Path.Combine(_root, ".dotnet", "tools")).FullName;
        var nowhere = Directory.CreateDirectory(Path.Combine(_root, "work")).FullName;
        Assert.Null(CoyoteTool.Locate([nowhere], bin, home: _root));

        File.WriteAllText(Path.Combine(userTools, "coyote"), string.Empty);
        Assert.Equal(Path.Combine(userTools, "coyote"), CoyoteTool.Locate([nowhere], bin, home: _root)?.Program);

        File.WriteAllText(Path.Combine(bin, "coyote"), string.Empty);
        var onPath = CoyoteTool.Locate([nowhere], bin, home: _root);
        Assert.Equal(Path.Combine(bin, "coyote"), onPath?.Program);
        Assert.Empty(onPath!.Prefix);
    }

    [Fact]
    public void Locate_AManifestThatIsNotJson_IsAUsageErrorNamingIt()
    {
        var manifest = Path.Combine(_root, "dotnet-tools.json");
        File.WriteAllText(manifest, "{ tools: ");

        var error = Assert.Throws<Interleave.Cli.UsageException>(() => CoyoteTool.Locate([_root], searchPath: null, home: _root));

        Assert.StartsWith($"Cannot read the local tool manifest {manifest}:", error.Message, StringComparison.Ordinal);
    }

    private static string WriteManifest(string folder, bool isRoot, string tool)
    {
        var path = Path.Combine(folder, ".config", "dotnet-tools.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $$"""{ "version": 1, "isRoot": {{(isRoot ? "true" : "false")}}, "tools": { "{{tool}}": { "version": "1.0.0", "commands": ["x"] } } }""");
        return path;
    }
}
