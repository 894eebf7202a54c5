using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>
/// The text of the source line a step names, read from its file when the file is on this machine (the
/// compiler records the full path), each file once per account or report. A step whose file is gone, or
/// whose line is past the file's end (the file changed since), has no text, only its <c>File.cs:12</c>.
/// </summary>
/// <remarks>
/// A deterministic build (<c>ContinuousIntegrationBuild</c>, as CI and packages build) records paths mapped
/// to <c>/_/</c> (<c>/_1/</c>, ... for further source roots) in place of the repository's root: such a path
/// is looked up under the search roots and each of their parents, where a run from inside the repository
/// finds it.
/// </remarks>
/// <param name="searchRoots">Where a mapped path's repository may be: by default the current directory and the application's.</param>
internal sealed class SourceCode(IReadOnlyList<string>? searchRoots = null)
{
    // Longer lines are cut, so that one long line does not push every other step's text off the screen.
    private const int Widest = 80;

    private readonly IReadOnlyList<string> _searchRoots = searchRoots ?? [Environment.CurrentDirectory, AppContext.BaseDirectory];
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    /// <summary>The trimmed text of <paramref name="e"/>'s source line, or empty when it is not known.</summary>
    internal string LineOf(in PrimitiveEvent e)
    {
        if (e.CallerLine <= 0 || e.CallerFile.Length == 0 || Lines(e.CallerFile) is not { } lines || e.CallerLine > lines.Length)
        {
            return string.Empty;
        }

        var text = lines[e.CallerLine - 1].Trim();
        return text.Length <= Widest ? text : string.Concat(text.AsSpan(0, Widest - 1), "…");
    }

    private string[]? Lines(string file)
    {
        if (!_files.TryGetValue(file, out var lines))
        {
            lines = Read(file) ?? (Unmapped(file) is { } found ? Read(found) : null);
            _files[file] = lines;
        }

        return lines;
    }

    // "/_/src/Shop.cs" is "src/Shop.cs" under the repository's root: the first root or parent of one that has it.
    private string? Unmapped(string file)
    {
        var slash = file.StartsWith("/_", StringComparison.Ordinal) ? file.IndexOf('/', 2) : -1;
        if (slash < 0 || file.AsSpan(2, slash - 2).ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        var relative = file[(slash + 1)..];
        foreach (var root in _searchRoots)
        {
            for (var directory = new DirectoryInfo(root); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string[]? Read(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllLines(file) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
