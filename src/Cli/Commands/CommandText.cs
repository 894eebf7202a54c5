namespace Interleave.Cli.Commands;

/// <summary>Pieces of command lines printed for the user to paste back.</summary>
internal static class CommandText
{
    /// <summary>The path quoted for a POSIX shell when it needs it.</summary>
    internal static string Quote(string path) =>
        path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=+@%,".Contains(c))
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The ready-to-paste command that replays <paramref name="tracePath"/>.</summary>
    internal static string ReplayLine(string? assemblyPath, string tracePath, string testName) =>
        "interleave replay " + (assemblyPath is null ? string.Empty : Quote(assemblyPath) + " ") + Quote(tracePath) + " -m " + Quote(testName);
}
