using System.Text.RegularExpressions;
using Interleave.Analyzers;
using Microsoft.CodeAnalysis;

namespace Interleave.Tests.Analyzers;

/// <summary>Every rule as a user meets it: a warning with its ID, a message that says what to use, and its section in docs/ANALYZERS.md.</summary>
public sealed class RulesTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "ANALYZERS.md"));

    public static TheoryData<string> Ids => [.. Rules.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_IsAWarningWhoseHelpLinkIsItsDocsSection(string id)
    {
        var rule = Rules.All.Single(r => r.Id == id);

        Assert.Equal(DiagnosticSeverity.Warning, rule.DefaultSeverity);
        Assert.Equal(Rules.Category, rule.Category);
        Assert.Matches(@"; (use|start|await) ", rule.MessageFormat.ToString());
        Assert.Equal($"docs/ANALYZERS.md#{id.ToLowerInvariant()}", rule.HelpLinkUri);
        Assert.Matches($"<a id=\"{id.ToLowerInvariant()}\"></a>\n## {id}: {Regex.Escape(rule.Title.ToString())}\n", Docs);
        Assert.Contains($"| [{id}](#{id.ToLowerInvariant()}) |", Docs, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_AreNumberedInOrderFromOne() =>
        Assert.Equal(Enumerable.Range(1, Rules.All.Length).Select(n => $"ILV{n:0000}"), Rules.All.Select(r => r.Id));

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Harness.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Harness.sln not found above " + AppContext.BaseDirectory);
    }
}
