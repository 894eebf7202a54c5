namespace Interleave.Tests.Systematic.Packages;

/// <summary>The README's "Use it in your project" section: the commands and the code the package tests follow to the letter.</summary>
internal static class Readme
{
    private const string Heading = "## Use it in your project";

    /// <summary>The section's code blocks, in order, each with its language (<c>sh</c>, <c>csharp</c>).</summary>
    internal static IReadOnlyList<(string Language, string Text)> Blocks { get; } = ReadBlocks();

    /// <summary>The command that builds the packages.</summary>
    internal static string PackCommand => Commands.Single(c => c.StartsWith("dotnet pack ", StringComparison.Ordinal));

    /// <summary>Every shell command of the section, in order.</summary>
    internal static IReadOnlyList<string> Commands =>
        [.. Blocks.Where(b => b.Language == "sh").SelectMany(b => b.Text.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>The section's one C# file.</summary>
    internal static string TestFile => Blocks.Single(b => b.Language == "csharp").Text;

    private static List<(string, string)> ReadBlocks()
    {
        var text = File.ReadAllText(Path.Combine(PackedPackages.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf(Heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section \"{Heading}\".");
        var end = text.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        var lines = text[start..(end < 0 ? text.Length : end)].Split('\n');
        var blocks = new List<(string, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal) && lines[i].Length > 3)
            {
                var close = Array.FindIndex(lines, i + 1, l => l == "```");
                blocks.Add((lines[i][3..], string.Join('\n', lines[(i + 1)..close]) + "\n"));
                i = close;
            }
        }

        return blocks;
    }
}
