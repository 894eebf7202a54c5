using System.Globalization;

namespace Interleave.Harness.Cli;

/// <summary>
/// The table <c>interleave test</c> prints, one row per test: name, expected (built-in scenarios only),
/// verdict, iterations (to the bug, or all that ran), time, and the trace file.
/// </summary>
internal sealed class RunSummaryTable(IReadOnlyList<TestCase> tests, bool showExpected)
{
    private readonly int _nameWidth = Math.Max(8, tests.Max(t => t.Name.Length));

    internal string Header() =>
        Row("test", "expected", "verdict", "iterations", "time", "trace");

    internal string Row(TestOutcome outcome)
    {
        var report = outcome.Report;
        var verdict = report.Verdict.ToString() + (report.TimedOut ? " (timeout)" : string.Empty);
        var trace = outcome.TracePath ?? "-";
        if (!outcome.AsExpected)
        {
            trace += "  UNEXPECTED";
        }

        return Row(
            outcome.Case.Name,
            outcome.Case.IsBuggy is { } buggy ? (buggy ? "bug" : "no bug") : string.Empty,
            verdict,
            report.IterationsRun.ToString(CultureInfo.InvariantCulture),
            Time(report.Elapsed),
            trace);
    }

    private static string Time(TimeSpan elapsed) =>
        elapsed.TotalSeconds < 10
            ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:F0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:F1} s");

    private string Row(string name, string expected, string verdict, string iterations, string time, string trace)
    {
        var expectedColumn = showExpected ? $"{expected,-9} " : string.Empty;
        return $"{name.PadRight(_nameWidth)}  {expectedColumn}{verdict,-28} {iterations,10} {time,10}  {trace}".TrimEnd();
    }
}
