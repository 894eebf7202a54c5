using Interleave.Harness.Findings;
using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness;

/// <summary>The outcome of <see cref="Explorer.Run(Func{Task}, ExplorationOptions?)"/>.</summary>
public sealed record ExplorationReport
{
    /// <summary>What stopped the run at its first failing schedule, as data: a bug, or an escape from the scheduler's control; null when none failed.</summary>
    public Finding? Finding { get; init; }

    /// <summary>What was found: the finding's verdict, or <see cref="Verdict.NoBug"/>.</summary>
    public Verdict Verdict => Finding?.Verdict ?? Verdict.NoBug;

    /// <summary>Schedules run, including the one that found the bug.</summary>
    public int IterationsRun { get; init; }

    /// <summary>The bug's description; empty when none was found.</summary>
    public string Message => Finding?.Message ?? string.Empty;

    /// <summary>The replayable trace of the failing schedule; empty when none was found.</summary>
    public string Trace { get; init; } = string.Empty;

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// The readable account of the failing schedule: every primitive operation of every task in order, and
    /// for a deadlock who holds and who waits for what; empty when no bug was found.
    /// </summary>
    public string Account { get; init; } = string.Empty;

    /// <summary>
    /// How the failing schedule was shrunk before it was reported, when <see cref="ExplorationOptions.MinimizeFor"/>
    /// asked for it and a bug was found; null otherwise. When it <see cref="Minimization.Replaced"/>,
    /// <see cref="Finding"/>, <see cref="Trace"/> and <see cref="Account"/> are the shorter schedule's, and
    /// <see cref="Minimization.OriginalTrace"/> replays the one the exploration found.
    /// </summary>
    public Minimization? Minimization { get; init; }

    /// <summary>The failing schedule's primitive events, in order: what the account and the HTML report are drawn from.</summary>
    internal IReadOnlyList<PrimitiveEvent> Events { get; init; } = [];

    /// <summary>Where the failing schedule switched away from a task that could go on (known on the native engine only), by the event each comes before.</summary>
    internal IReadOnlyList<Preemption> Preemptions { get; init; } = [];

    /// <summary>
    /// The number of the failing schedule in the seed's sequence (<see cref="ExplorationOptions.FirstSchedule"/>
    /// plus the schedules this run took to find it); 0 when no bug was found.
    /// </summary>
    public int FailingSchedule { get; init; }

    /// <summary>The distinct data races and atomicity violations seen when <see cref="ExplorationOptions.Races"/> is <see cref="RaceChecking.Warn"/>.</summary>
    public IReadOnlyList<Finding> RaceWarnings { get; init; } = [];

    /// <summary>Scheduling steps (points where the scheduler chose the next task) over all schedules run.</summary>
    public long StepsExplored { get; init; }

    /// <summary>True when <see cref="ExplorationOptions.Timeout"/> ran out before the iterations did (and no bug was found).</summary>
    public bool TimedOut { get; init; }

    /// <summary>
    /// True when the <see cref="ExplorationStrategy.Exhaustive"/> search ran every schedule within
    /// <see cref="PreemptionBound"/> (with <see cref="SleepSets"/>, one of every class of schedules that differ
    /// only in the order of commuting steps) and none failed: a proof that no schedule of the test within that
    /// bound and the step bound has a bug.
    /// </summary>
    public bool Exhausted { get; init; }

    /// <summary>
    /// When <see cref="Exhausted"/>: how many distinct schedules the search ran to their end and found free of
    /// bugs. Without a preemption bound the search deepens its bound pass by pass and re-runs the earlier passes'
    /// schedules, so <see cref="IterationsRun"/>, which counts every run, is larger; with
    /// <see cref="SleepSets"/> it counts one schedule of each class of equivalent ones.
    /// </summary>
    public long DistinctSchedules { get; init; }

    /// <summary>The preemption bound the exhaustive search ran under; null for none, or for another strategy.</summary>
    public int? PreemptionBound { get; init; }

    /// <summary>True when the exhaustive search pruned with sleep sets (<see cref="ExplorationOptions.SleepSets"/>).</summary>
    public bool SleepSets { get; init; }

    /// <summary>True when a schedule failed with a bug (not with <see cref="Verdict.Uncontrolled"/>).</summary>
    public bool BugFound => Verdict.IsBug();

    /// <inheritdoc/>
    public override string ToString() =>
        Finding is not null
            ? $"{Verdict} in schedule {FailingSchedule} after {Elapsed.TotalMilliseconds:F0} ms: {Message}"
            : Exhausted
                ? $"No bug: all {DistinctSchedules} schedules explored ({BoundText(PreemptionBound, SleepSets)}) in {Elapsed.TotalMilliseconds:F0} ms."
                : $"No bug in {IterationsRun} iterations ({Elapsed.TotalMilliseconds:F0} ms{(TimedOut ? ", timed out" : string.Empty)}).";

    /// <summary>The exhaustive search's bound in words: "preemption bound 2", "no preemption bound" or "no preemption bound, sleep sets".</summary>
    internal static string BoundText(int? preemptionBound, bool sleepSets = false) =>
        preemptionBound is { } bound ? $"preemption bound {bound}" : sleepSets ? "no preemption bound, sleep sets" : "no preemption bound";
}
