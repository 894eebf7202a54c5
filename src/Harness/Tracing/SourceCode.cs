using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>
/// The text of the source line a step names, read from its file when the file is on this machine (the
/// compiler records the full path), each file once per account or report. A step whose file is gone, or
/// whose line is past the file's end (the file changed since), has no text, only its <c>File.cs:12</c>.
/// </summary>
internal sealed class SourceCode
{
    // Longer lines are cut, so that one long line does not push every other step's text off the screen.
    private const int Widest = 80;

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
            lines = Read(file);
            _files[file] = lines;
        }

        return lines;
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
