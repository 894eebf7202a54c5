using Interleave.Harness;

namespace Interleave.Cli.Reports;

/// <summary>One row of the <see cref="RunSummaryPage"/>: one explored test and the files written for its bug.</summary>
/// <param name="TestName">The test's name.</param>
/// <param name="IsBuggy">What was expected: true a bug, false none, null nothing (a user's test).</param>
/// <param name="Verdict">What the exploration found.</param>
/// <param name="Iterations">Schedules run: to the bug, or all of them.</param>
/// <param name="Elapsed">Wall-clock time of the exploration.</param>
/// <param name="HtmlLink">The bug's HTML report, relative to the summary page; null when no bug was found.</param>
/// <param name="TraceLink">The bug's <c>.trace</c>, relative to the summary page; null when no bug was found.</param>
/// <param name="AccountLink">The bug's <c>.txt</c> account, relative to the summary page; null when no bug was found.</param>
internal sealed record RunSummaryEntry(
    string TestName,
    bool? IsBuggy,
    Verdict Verdict,
    int Iterations,
    TimeSpan Elapsed,
    string? HtmlLink,
    string? TraceLink,
    string? AccountLink)
{
    /// <summary>True when the verdict is what was expected, or when nothing was expected.</summary>
    internal bool AsExpected => IsBuggy is not { } buggy || Verdict.Meets(buggy);
}
