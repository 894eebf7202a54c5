using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;

namespace Interleave.Tests.Systematic.Packages;

/// <summary>
/// The packages as a user meets them: built by the README's one command, each described, licensed, documented
/// and with its symbols; the harness library without the command line; and the README's "Use it in your
/// project" steps, to the letter, on a project made outside the repository with <c>dotnet new xunit</c>.
/// </summary>
public sealed class PackageTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    private const string LedgerTests = """
        using Interleave.Harness;

        public class LedgerTests
        {
            [Fact]
            public void Deposits_WithoutLock_KeepEveryDeposit() => Explorer.Verify(() => DepositTwiceAsync(locked: false));

            [Fact]
            public void Deposits_UnderLock_KeepEveryDeposit() => Explorer.Verify(() => DepositTwiceAsync(locked: true));

            // Two deposits of 100 on Task.Run threads, each adding to the balance, under a lock or not.
            private static async Task DepositTwiceAsync(bool locked)
            {
                var ledger = new Ledger(locked);
                await Task.WhenAll(Task.Run(() => ledger.Deposit(100)), Task.Run(() => ledger.Deposit(100)));
                Assert.Equal(200, ledger.Balance);
            }
        }

        """;

    private const string Ledger = """
        public sealed class Ledger(bool locked)
        {
            private readonly object _gate = new();
            private int _balance;

            public int Balance => _balance;

            public void Deposit(int amount)
            {
                if (!locked)
                {
                    _balance += amount;
                    return;
                }

                lock (_gate)
                {
                    _balance += amount;
                }
            }
        }

        """;

    private static readonly string[] PackageIds = ["Interleave.Primitives", "Interleave.Harness", "Interleave.Cli"];

    public static TheoryData<string> Ids => [.. PackageIds];

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryPackage_HasItsDescriptionLicenceReadmeDocsAndSymbols(string id)
    {
        using var package = ZipFile.OpenRead(packages.Package(id));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        var metadata = Nuspec(package).Descendants().Where(e => e.Parent?.Name.LocalName == "metadata").ToDictionary(e => e.Name.LocalName, e => e);

        Assert.True(((string)metadata["description"]).Length > 80, (string)metadata["description"]);
        Assert.Equal("expression", (string?)metadata["license"].Attribute("type"));
        Assert.Equal("MIT", (string)metadata["license"]);
        Assert.Equal("README.md", (string)metadata["readme"]);
        Assert.Contains("README.md", entries);
        var folder = id == "Interleave.Cli" ? "tools/net10.0/any/" : "lib/net10.0/";
        Assert.Contains($"{folder}{id}.dll", entries);
        Assert.Contains($"{folder}{id}.xml", entries);

        using var symbols = ZipFile.OpenRead(packages.Package(id, ".snupkg"));
        Assert.Contains(symbols.Entries, e => e.FullName == $"{folder}{id}.pdb");
    }

    [Fact]
    public void PrimitivesPackage_CarriesTheAnalyzersAndTheirCodeFixes()
    {
        using var primitives = ZipFile.OpenRead(packages.Package("Interleave.Primitives"));
        var entries = primitives.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/Interleave.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Interleave.Analyzers.CodeFixes.dll", entries);
        Assert.DoesNotContain(Nuspec(primitives).Descendants(), e => e.Name.LocalName == "dependency" && ((string?)e.Attribute("id"))!.StartsWith("Interleave.Analyzers", StringComparison.Ordinal));
    }

    [Fact]
    public void Packing_IsDeterministic()
    {
        var again = Path.Combine(packages.Work, "again");

        PackedPackages.RunChecked("dotnet", [.. Readme.PackCommand.Split(' ').Skip(1), "--no-build", "-o", again, $"-p:Version={packages.Version}"], PackedPackages.RepositoryRoot);

        foreach (var id in PackageIds)
        {
            Assert.True(
                File.ReadAllBytes(packages.Package(id)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, Path.GetFileName(packages.Package(id))))),
                $"{id}: two packs of the same build differ.");
        }
    }

    [Fact]
    public void HarnessLibrary_DependsOnThePrimitivesAndCoyoteOnly()
    {
        using var package = ZipFile.OpenRead(packages.Package("Interleave.Harness"));
        var dependencies = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Distinct().Order();
        Assert.Equal(["Interleave.Primitives", "Microsoft.Coyote", "Microsoft.Coyote.Test"], dependencies);

        // And nothing further down: every package and project the library's restore pulls in.
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(PackedPackages.RepositoryRoot, "src", "Harness", "obj", "project.assets.json")));
        var closure = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name.Split('/')[0]).ToList();
        Assert.Contains("Interleave.Primitives", closure);
        Assert.DoesNotContain(closure, name => name.StartsWith("System.CommandLine", StringComparison.Ordinal)
            || name.StartsWith("Spectre.Console", StringComparison.Ordinal) || name == "Interleave.Scenarios" || name == "Interleave.Cli");

        // The Release primitives the packages were built on cannot switch a mutant on: the switch is Debug-only.
        using var primitives = new PEReader(File.OpenRead(Path.Combine(PackedPackages.RepositoryRoot, "src", "Primitives", "bin", "Release", "net10.0", "Interleave.Primitives.dll")));
        var reader = primitives.GetMetadataReader();
        var mutation = reader.TypeDefinitions.Select(reader.GetTypeDefinition).Single(t => reader.GetString(t.Name) == "Mutation");
        Assert.Empty(mutation.GetProperties());
    }

    [Fact]
    public void ReadmeSteps_OnANewXunitProject_FailTheBuggyTestWithItsAccountPassTheCorrectOneAndWarnOfEscapes()
    {
        var steps = ReadmeSteps();
        var directory = packages.Work;
        var blocks = Readme.Blocks;
        var tool = string.Empty;

        // The shell blocks after the pack command, the test file written where the README says, dotnet test
        // run between the project's commands and the tool's.
        foreach (var (language, text) in blocks.Skip(1))
        {
            if (language == "csharp")
            {
                File.WriteAllText(Path.Combine(directory, "WithdrawalTests.cs"), text);

                // Beside it, not from the README, a call that escapes the scheduler: the project references only the
                // harness, and the primitives it depends on bring the analyzers.
                File.WriteAllText(Path.Combine(directory, "Escape.cs"), "public static class Escape { public static System.Threading.Tasks.Task Start() => System.Threading.Tasks.Task.Run(() => { }); }\n");
                var (exitCode, output) = PackedPackages.Run("dotnet", ["test"], directory);

                Assert.Matches(@"Escape\.cs\(1,\d+\): warning ILV0001: 'Task\.Run' ", output);
                Assert.DoesNotMatch(@"WithdrawalTests\.cs\(\d+,\d+\): warning ILV", output);

                Assert.True(exitCode != 0, output);
                Assert.Contains("Failed: 1, Passed: 1, Skipped: 0, Total: 2", Squeezed(output), StringComparison.Ordinal);
                Assert.Contains("WithdrawalTests.Withdrawals_WithoutLock_KeepTheBalance [", output, StringComparison.Ordinal);
                Assert.Contains("Overdrawn: the balance is -600.", output, StringComparison.Ordinal);
                Assert.Contains("Schedule (", output, StringComparison.Ordinal);
                Assert.Contains("Trace: ", output, StringComparison.Ordinal);
                Assert.Contains("interleave-out/Withdrawals_WithoutLock_KeepTheBalance.trace", output, StringComparison.Ordinal);
                Assert.Contains("Replay: Explorer.Replay(", output, StringComparison.Ordinal);
                Assert.DoesNotContain("WithdrawalTests.Withdrawals_UnderLock_KeepTheBalance [", output, StringComparison.Ordinal);
                continue;
            }

            foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                var words = steps(line);
                if (words[0] == "cd")
                {
                    directory = Path.GetFullPath(Path.Combine(directory, words[1]));
                }
                else if (words[0] == "rm")
                {
                    File.Delete(Path.Combine(directory, words[1]));
                }
                else if (words[0] == "dotnet")
                {
                    PackedPackages.RunChecked("dotnet", words.Skip(1), directory);
                }
                else
                {
                    var (exitCode, output) = PackedPackages.Run(Path.Combine(directory, words[0]), words.Skip(1), directory);
                    tool = output;
                    Assert.True(exitCode == 2, $"{line} exited {exitCode}, not 2 (a bug found):\n{output}");
                }
            }
        }

        Assert.Contains("WithdrawalCoyoteTests.Withdrawals_WithoutLock", tool, StringComparison.Ordinal);
        Assert.Contains("Found 1 bug(s) in 1 test.", tool, StringComparison.Ordinal);
    }

    [Fact]
    public void RewriteAfterBuild_OnANewXunitProject_SaysHowToInstallTheTools_ThenFindsTheRaceOfTaskRunCodeAndPassesItsLockedTwin()
    {
        // The README's "In an xunit project" steps: tests on .NET's own Task.Run, of a library on a lock or none.
        var library = Path.Combine(packages.Work, "Ledger");
        PackedPackages.RunChecked("dotnet", ["new", "classlib", "-o", library], packages.Work);
        File.Delete(Path.Combine(library, "Class1.cs"));
        File.WriteAllText(Path.Combine(library, "Ledger.cs"), Ledger);
        var directory = Path.Combine(packages.Work, "LedgerTests");
        PackedPackages.RunChecked("dotnet", ["new", "xunit", "-o", directory], packages.Work);
        File.Delete(Path.Combine(directory, "UnitTest1.cs"));
        PackedPackages.RunChecked("dotnet", ["add", "reference", Path.Combine(library, "Ledger.csproj")], directory);
        PackedPackages.RunChecked("dotnet", ["new", "nugetconfig"], directory);
        PackedPackages.RunChecked("dotnet", ["nuget", "add", "source", packages.Folder, "--name", "interleave", "--configfile", "nuget.config"], directory);
        PackedPackages.RunChecked("dotnet", ["add", "package", "Interleave.Harness", "--version", packages.Version], directory);
        var project = Path.Combine(directory, "LedgerTests.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "</TargetFramework>",
            "</TargetFramework>\n    <InterleaveRewrite>true</InterleaveRewrite>\n    <InterleaveObserveFields>true</InterleaveObserveFields>\n  </PropertyGroup>\n  <ItemGroup>\n    <InterleaveRewriteAssembly Include=\"Ledger.dll\" />\n  </ItemGroup>\n  <PropertyGroup>",
            StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(directory, "LedgerTests.cs"), LedgerTests);

        var (withoutTools, built) = PackedPackages.Run("dotnet", ["build"], directory);

        Assert.True(withoutTools != 0, built);
        Assert.Contains("error : InterleaveRewrite: 'dotnet tool run interleave rewrite' failed (exit codes ", built, StringComparison.Ordinal);
        Assert.Contains($"'dotnet tool install Interleave.Cli --version {packages.Version}'", built, StringComparison.Ordinal);
        Assert.Contains("'dotnet tool install Microsoft.Coyote.CLI --version 1.7.11'", built, StringComparison.Ordinal);
        Assert.DoesNotContain("warning ILV", built, StringComparison.Ordinal);

        PackedPackages.RunChecked("dotnet", ["new", "tool-manifest"], directory);
        PackedPackages.RunChecked("dotnet", ["tool", "install", "Microsoft.Coyote.CLI", "--version", "1.7.11"], directory);
        PackedPackages.RunChecked("dotnet", ["tool", "install", "Interleave.Cli", "--version", packages.Version, "--add-source", packages.Folder], directory);
        var (exitCode, output) = PackedPackages.Run("dotnet", ["test"], directory);

        Assert.True(exitCode != 0, output);
        Assert.Contains("Rewrote LedgerTests.dll in place, rewritten with coyote rewrite (local tool of ", output, StringComparison.Ordinal);
        Assert.Contains("Rewrote Ledger.dll in place, rewritten with coyote rewrite (local tool of ", output, StringComparison.Ordinal);
        Assert.Contains("Failed: 1, Passed: 1, Skipped: 0, Total: 2", Squeezed(output), StringComparison.Ordinal);
        Assert.Contains("LedgerTests.Deposits_WithoutLock_KeepEveryDeposit [", output, StringComparison.Ordinal);
        Assert.Matches(@"Data race on field 'Ledger#1\._balance': T\d DepositTwiceAsync (reads|writes) it \(at Ledger\.cs:\d+\) while T\d DepositTwiceAsync's", output);
        Assert.DoesNotContain("LedgerTests.Deposits_UnderLock_KeepEveryDeposit [", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadmeVersion_IsTheVersionThePackagesAreBuiltWith()
    {
        var props = XDocument.Load(Path.Combine(PackedPackages.RepositoryRoot, "Directory.Build.props"));
        var version = props.Descendants("Version").Single().Value;

        var asked = Readme.Commands.Where(c => c.Contains("--version", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(asked);
        Assert.All(asked, command => Assert.Contains($"--version {version} ", command + " ", StringComparison.Ordinal));
    }

    private static XDocument Nuspec(ZipArchive package) =>
        XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());

    private static string Squeezed(string text) => System.Text.RegularExpressions.Regex.Replace(text, " +", " ");

    // A README command as words, pointed at this run's packages: their folder for the clone's, their version.
    private Func<string, string[]> ReadmeSteps()
    {
        var version = XDocument.Load(Path.Combine(PackedPackages.RepositoryRoot, "Directory.Build.props")).Descendants("Version").Single().Value;
        return line => [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => word switch
        {
            "../interleave/artifacts/packages" => packages.Folder,
            _ when word == version => packages.Version,
            _ => word,
        })];
    }
}
