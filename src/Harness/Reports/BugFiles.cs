namespace Interleave.Harness.Reports;

/// <summary>
/// The files of one bug, side by side in a folder: <c>name.trace</c>, <c>name.txt</c> (the account) and
/// <c>name.html</c>, and <c>name.original.trace</c> when the reported schedule was shrunk from the one found.
/// </summary>
internal static class BugFiles
{
    /// <summary>Writes the three files of <paramref name="report"/>'s bug and returns the trace's path.</summary>
    /// <param name="folder">Where to write them; created when missing.</param>
    /// <param name="name">The files' name without extension.</param>
    /// <param name="report">A report of a bug.</param>
    /// <param name="testName">The test's name on the HTML page.</param>
    /// <exception cref="IOException">A file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    internal static string Write(string folder, string name, ExplorationReport report, string testName)
    {
        var basePath = Path.Combine(folder, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(basePath + ".trace", report.Trace);
        File.WriteAllText(basePath + ".txt", report.Account);
        File.WriteAllText(basePath + ".html", HtmlReport.Render(report, testName));
        if (report.Minimization is { Replaced: true, OriginalTrace: var original })
        {
            File.WriteAllText(basePath + ".original.trace", original);
        }
        else
        {
            // A file left by an earlier run of the same test would pass for this bug's original.
            File.Delete(basePath + ".original.trace");
        }

        return basePath + ".trace";
    }
}
