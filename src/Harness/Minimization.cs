namespace Interleave.Harness;

/// <summary>
/// How the failing schedule was shrunk before it was reported (<see cref="ExplorationOptions.MinimizeFor"/>):
/// the fewest preemptions first, then the fewest steps, each candidate run on the native engine and kept only
/// when it fails with the same bug in no more steps. Lincheck shows the shortest interleaving the same way.
/// </summary>
public sealed record Minimization
{
    /// <summary>The steps of the schedule the exploration found (the lines of its account).</summary>
    public int OriginalSteps { get; init; }

    /// <summary>The preemptions of the schedule the exploration found; null when Coyote's engine found it, which does not tell them.</summary>
    public int? OriginalPreemptions { get; init; }

    /// <summary>The steps of the reported schedule.</summary>
    public int Steps { get; init; }

    /// <summary>The preemptions of the reported schedule; null when it is the original one found by Coyote's engine.</summary>
    public int? Preemptions { get; init; }

    /// <summary>
    /// True when the reported schedule is not the original: one with no more steps and fewer preemptions, or
    /// as many and fewer steps, shows the same bug. A schedule Coyote's engine found has uncounted
    /// preemptions: a native schedule with no more steps replaces it, the one with the fewest preemptions found.
    /// </summary>
    public bool Replaced { get; init; }

    /// <summary>
    /// True when no schedule with fewer preemptions shows the bug in as few steps as the original: every
    /// schedule with fewer ran (up to the step bound) and none did.
    /// </summary>
    public bool FewestPreemptions { get; init; }

    /// <summary>True when every schedule with as many preemptions ran, and none showing the bug has fewer steps than the reported one.</summary>
    public bool FewestSteps { get; init; }

    /// <summary>Schedules the minimizer ran.</summary>
    public int SchedulesRun { get; init; }

    /// <summary>Wall-clock time the minimizer took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// Why the original schedule was kept, when it was (the kind of bug, the engine, or the time), or, when a
    /// shorter one replaced it without <see cref="FewestPreemptions"/> proven, how it was found; null otherwise.
    /// </summary>
    public string? Note { get; init; }

    /// <summary>The replayable trace of the schedule the exploration found, when the reported one is shorter; empty otherwise.</summary>
    public string OriginalTrace { get; init; } = string.Empty;

    /// <summary>What it achieved in words: <c>19 steps, 3 preemptions → 9 steps, 1 preemption (fewest preemptions)</c>.</summary>
    public string Summary
    {
        get
        {
            var before = Describe(OriginalSteps, OriginalPreemptions);
            if (!Replaced)
            {
                return $"{before}, kept: {Note ?? "no schedule with fewer preemptions or steps shows the bug"}";
            }

            var proven = (FewestPreemptions, FewestSteps) switch
            {
                (true, true) => " (fewest preemptions, and fewest steps with them)",
                (true, false) => " (fewest preemptions)",
                _ => string.Empty,
            };
            return $"{before} → {Describe(Steps, Preemptions)}{proven}{(Note is null ? string.Empty : $" ({Note})")}";
        }
    }

    private static string Describe(int steps, int? preemptions) =>
        preemptions is { } count
            ? $"{steps} steps, {count} {(count == 1 ? "preemption" : "preemptions")}"
            : $"{steps} steps, preemptions not counted (Coyote's engine)";
}
