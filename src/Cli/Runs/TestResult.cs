using System.Text.Json.Serialization;
using Interleave.Harness;
using Interleave.Harness.Findings;

namespace Interleave.Cli.Runs;

/// <summary>One test's line of a run summary: what <c>interleave test</c> prints and writes with <c>--json</c>, and what <c>merge</c> folds.</summary>
/// <param name="Name">The name shown: a scenario name or <c>Type.Method</c>.</param>
/// <param name="FullName">Namespace.Type.Method.</param>
/// <param name="ExpectedBug">Whether a bug is expected (built-in scenarios); null for a user's test.</param>
/// <param name="Verdict">What was found.</param>
/// <param name="FailingSchedule">The failing schedule's number in the seed's sequence; 0 when no bug.</param>
/// <param name="SchedulesRun">Schedules run (to the bug, or all).</param>
/// <param name="ElapsedMilliseconds">Wall-clock time.</param>
/// <param name="TimedOut">The time budget ran out first.</param>
/// <param name="Trace">The written trace's path; null when no bug.</param>
/// <param name="Message">The bug's description; empty when no bug.</param>
internal sealed record TestResult(
    string Name,
    string FullName,
    bool? ExpectedBug,
    Verdict Verdict,
    int FailingSchedule,
    int SchedulesRun,
    double ElapsedMilliseconds,
    bool TimedOut,
    string? Trace,
    string Message)
{
    /// <summary>True when a schedule failed.</summary>
    public bool BugFound => Verdict != Verdict.NoBug;

    /// <summary>The iterations a table shows: the failing schedule's number, or all schedules run.</summary>
    [JsonIgnore]
    public int IterationsShown => BugFound ? FailingSchedule : SchedulesRun;

    /// <summary>True when the verdict is what the scenario expects, or when nothing is expected.</summary>
    public bool AsExpected => ExpectedBug is not { } expected || expected == BugFound;

    /// <summary>
    /// The report of this line's bug, as an engine process found it: its trace and account read back from the
    /// files written for it at <paramref name="trace"/>.
    /// </summary>
    /// <param name="schedules">Schedules run, up to the bug, by every engine that explored the test.</param>
    /// <param name="elapsed">Wall-clock time of the whole exploration.</param>
    /// <param name="trace">Where the bug's <c>.trace</c> is now; its <c>.txt</c> account lies beside it.</param>
    internal ExplorationReport ReadBugReport(int schedules, TimeSpan elapsed, string trace) =>
        new()
        {
            Finding = new RecordedFinding(Verdict, Message),
            IterationsRun = schedules,
            Trace = File.ReadAllText(trace),
            Elapsed = elapsed,
            Account = File.ReadAllText(Path.ChangeExtension(trace, ".txt")),
            FailingSchedule = FailingSchedule,
        };

    internal static TestResult From(TestOutcome outcome) => new(
        outcome.Case.Name,
        outcome.Case.FullName,
        outcome.Case.IsBuggy,
        outcome.Report.Verdict,
        outcome.Report.FailingSchedule,
        outcome.Report.IterationsRun,
        outcome.Report.Elapsed.TotalMilliseconds,
        outcome.Report.TimedOut,
        outcome.TracePath,
        outcome.Report.Message);
}
