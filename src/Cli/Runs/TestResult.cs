using System.Globalization;
using System.Text.Json.Serialization;
using Interleave.Harness;

namespace Interleave.Cli.Runs;

/// <summary>
/// One test's result in a run: what <c>interleave test</c> shows and writes with <c>--json</c>, what an engine
/// process sends back, and what <c>merge</c> folds.
/// </summary>
/// <param name="Name">The name shown: a scenario name or <c>Type.Method</c>.</param>
/// <param name="FullName">Namespace.Type.Method.</param>
/// <param name="ExpectedBug">Whether a bug is expected (built-in scenarios); null for a user's test.</param>
/// <param name="Verdict">What was found.</param>
/// <param name="FailingSchedule">The failing schedule's number in the seed's sequence; 0 when no bug.</param>
/// <param name="SchedulesRun">Schedules run (to the bug, or all).</param>
/// <param name="ElapsedMilliseconds">Wall-clock time.</param>
/// <param name="TimedOut">The time budget ran out first.</param>
/// <param name="Trace">The written trace's path; null when no bug. The account (<c>.txt</c>) and the HTML report lie beside it.</param>
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
    /// <summary>What failed the failing schedule (a bug, or an escape from the scheduler's control); null when none failed.</summary>
    public FindingSummary? Finding { get; init; }

    /// <summary>The distinct data races and atomicity violations seen with <c>--races warn</c>.</summary>
    public IReadOnlyList<FindingSummary> RaceWarnings { get; init; } = [];

    /// <summary>True when the exhaustive search ran every schedule within its bound and none failed.</summary>
    public bool Exhausted { get; init; }

    /// <summary>When <see cref="Exhausted"/>: the distinct schedules proved free of bugs (a search with no preemption bound re-runs some, which <see cref="SchedulesRun"/> counts).</summary>
    public long DistinctSchedules { get; init; }

    /// <summary>The exhaustive search's preemption bound; null for none, or for another strategy.</summary>
    public int? PreemptionBound { get; init; }

    /// <summary>True when the exhaustive search pruned with sleep sets (<c>--sleep-sets</c>).</summary>
    public bool SleepSets { get; init; }

    /// <summary>How the failing schedule was shrunk before it was reported; null when it was not tried.</summary>
    public MinimizationSummary? Minimization { get; init; }

    /// <summary>What a table shows in the trace column: the trace's path, what the exhaustive search proved, or "-".</summary>
    [JsonIgnore]
    public string TraceShown => Trace ?? (Exhausted
        ? string.Create(CultureInfo.InvariantCulture, $"all {DistinctSchedules} schedules explored ({ExplorationReport.BoundText(PreemptionBound, SleepSets)}): no bug")
        : "-");

    /// <summary>True when a schedule failed with a bug.</summary>
    public bool BugFound => Verdict.IsBug();

    /// <summary>True when a schedule failed, with a bug or with <see cref="Verdict.Uncontrolled"/>: the run stopped there and wrote its files.</summary>
    [JsonIgnore]
    public bool Failed => Verdict != Verdict.NoBug;

    /// <summary>The iterations a table shows: the failing schedule's number, or all schedules run.</summary>
    [JsonIgnore]
    public int IterationsShown => Failed ? FailingSchedule : SchedulesRun;

    /// <summary>True when the verdict is what the scenario expects (never <see cref="Verdict.Uncontrolled"/>), or when nothing is expected.</summary>
    public bool AsExpected => ExpectedBug is not { } expected || Verdict.Meets(expected);

    /// <summary>The readable account of the bug, read from the <c>.txt</c> beside <see cref="Trace"/>.</summary>
    /// <exception cref="UsageException">The account cannot be read.</exception>
    internal string ReadAccount()
    {
        var path = Path.ChangeExtension(Trace ?? throw new InvalidOperationException($"{Name} has no bug, so no account."), ".txt");
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read the account of {Name} at {path}: {failure.Message}", failure);
        }
    }

    /// <summary>The result of exploring <paramref name="test"/>, whose bug's files (if any) were written at <paramref name="trace"/>.</summary>
    internal static TestResult Of(TestCase test, ExplorationReport report, string? trace) => new(
        test.Name,
        test.FullName,
        test.IsBuggy,
        report.Verdict,
        report.FailingSchedule,
        report.IterationsRun,
        report.Elapsed.TotalMilliseconds,
        report.TimedOut,
        trace,
        report.Message)
    {
        Finding = report.Finding is { } finding ? FindingSummary.Of(finding) : null,
        RaceWarnings = [.. report.RaceWarnings.Select(FindingSummary.Of)],
        Exhausted = report.Exhausted,
        DistinctSchedules = report.DistinctSchedules,
        PreemptionBound = report.PreemptionBound,
        SleepSets = report.SleepSets,
        Minimization = report.Minimization is { } minimization ? MinimizationSummary.Of(minimization) : null,
    };
}
