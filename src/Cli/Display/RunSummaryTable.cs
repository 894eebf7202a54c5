using System.Globalization;
using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Cli.Display;

/// <summary>
/// The table <c>interleave test</c> and <c>merge</c> print, one row per test: name, expected (built-in
/// scenarios only), verdict, iterations (the failing schedule's number, or all that ran), time, and the
/// trace file. A bug's number is its place in the seed's sequence, so a shard's or a merge's row reads as
/// the unsharded run's would.
/// </summary>
internal sealed class RunSummaryTable(IEnumerable<string> names, bool showExpected)
{
    private readonly int _nameWidth = Math.Max(8, names.Max(name => name.Length));

    internal string Header() =>
        Row("test", "expected", "verdict", "iterations", "time", "trace");

    internal string Row(TestResult result)
    {
        var verdict = result.Verdict.ToString() + (result.TimedOut ? " (timeout)" : string.Empty);
        var trace = result.TraceShown;
        if (!result.AsExpected)
        {
            trace += "  UNEXPECTED";
        }

        return Row(
            result.Name,
            result.ExpectedBug is { } buggy ? (buggy ? "bug" : "no bug") : string.Empty,
            verdict,
            result.IterationsShown.ToString(CultureInfo.InvariantCulture),
            DurationText.Of(TimeSpan.FromMilliseconds(result.ElapsedMilliseconds)),
            trace);
    }

    private string Row(string name, string expected, string verdict, string iterations, string time, string trace)
    {
        var expectedColumn = showExpected ? $"{expected,-9} " : string.Empty;
        return $"{name.PadRight(_nameWidth)}  {expectedColumn}{verdict,-28} {iterations,10} {time,10}  {trace}".TrimEnd();
    }
}
