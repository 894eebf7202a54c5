using System.Globalization;
using System.Net;
using System.Text;
using Interleave.Cli.Display;
using Interleave.Harness;

namespace Interleave.Cli.Reports;

/// <summary>
/// The page of a whole run as one self-contained HTML table, one row per test (<c>tr.test[data-test]</c>,
/// <c>tr.test.unexpected</c> when the verdict is not the expected one), linking each bug's report, trace
/// and account.
/// </summary>
internal static class RunSummaryPage
{
    private const string Style = """

        body { margin: 0; padding: 24px 32px; background: #f4f5f9; color: #1d2330;
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 22px; margin: 0 0 6px; }
        .counts { color: #5f6b7a; margin: 0 0 14px; }
        table { border-collapse: collapse; background: #fff; border: 1px solid #e3e6ed; border-radius: 10px; overflow: hidden; }
        th, td { padding: 7px 14px; text-align: left; border-bottom: 1px solid #e3e6ed; }
        th { background: #fafbfd; font-size: 13px; color: #5f6b7a; font-weight: 600; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        tr.unexpected td { background: #fff1f1; }
        tr.unexpected td.verdict { color: #c62828; font-weight: 700; }
        a { color: #2f74c0; margin-right: 10px; }

        """;

    /// <summary>Renders the page of a run.</summary>
    /// <param name="entries">The tests, in the order to show them.</param>
    /// <param name="title">The page's heading, e.g. "interleave test: built-in scenarios".</param>
    internal static string Render(IReadOnlyList<RunSummaryEntry> entries, string title)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(title);
        var bugs = entries.Count(e => e.Verdict.IsBug());
        var unexpected = entries.Count(e => !e.AsExpected);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{E(title)}</title>
            <style>{Style}</style>
            </head>
            <body>
            <h1>{E(title)}</h1>
            <p class="counts">{entries.Count} tests, {bugs} bugs found, {unexpected} not as expected.</p>
            <table>
            <thead><tr><th>test</th><th>expected</th><th>verdict</th><th>iterations</th><th>time</th><th>files</th></tr></thead>
            <tbody>

            """);
        foreach (var entry in entries)
        {
            var expected = entry.IsBuggy is { } buggy ? (buggy ? "bug" : "no bug") : string.Empty;
            var links = Link(entry.HtmlLink, "report") + Link(entry.TraceLink, "trace") + Link(entry.AccountLink, "account");
            html.Append(CultureInfo.InvariantCulture, $"""<tr class="test{(entry.AsExpected ? string.Empty : " unexpected")}" data-test="{E(entry.TestName)}"><td>{E(entry.TestName)}</td><td>{expected}</td><td class="verdict">{entry.Verdict}</td><td class="number">{entry.Iterations}</td><td class="number">{DurationText.Of(entry.Elapsed)}</td><td>{(links.Length > 0 ? links : "-")}</td></tr>""").Append('\n');
        }

        html.Append("""
            </tbody>
            </table>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static string Link(string? path, string text) =>
        path is null ? string.Empty : $"""<a href="{E(Href(path))}">{text}</a>""";

    /// <summary>A relative path as a URL: '/' separated, each segment percent-encoded.</summary>
    private static string Href(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
