using System.Diagnostics;
using System.Globalization;
using Interleave.Harness.Exploration;
using Interleave.Harness.Findings;
using Interleave.Harness.Native;
using static Interleave.Harness.Exploration.ScheduleSearch;

namespace Interleave.Harness.Shrinking;

/// <summary>
/// Shrinks a failing schedule to one that shows the same bug in no more steps with the fewest preemptions,
/// then the fewest steps. A native schedule first has its preemptions undone one at a time, each undoing kept
/// while the bug still shows; a schedule of Coyote's engine, whose preemptions are not counted, is first found
/// again by a native walk in no more steps, and that schedule's preemptions are undone. The native engine's
/// exhaustive search, deepening its preemption bound from 0 (and stopping below the undone schedule's count),
/// then proves that no schedule shows the bug with fewer, or stops at the first that does, which then has the
/// fewest any has; the search bounded at that count then looks, within a budget of schedules, for the one
/// with the fewest steps.
/// </summary>
/// <remarks>
/// The undoing is quick whatever the test's size, but only makes the schedule smaller; the search is what makes
/// it minimal: every schedule with fewer preemptions ran and none failed the same way in as few steps. When the
/// time runs out first, the undone schedule is reported and said to be unproven. A candidate never has more
/// steps than the original, so its account never gets longer. Tasks that do not matter drop out with the
/// steps: the shortest schedule runs none of their steps it can leave until after the failure. The search
/// runs the test's schedules deterministically, so a minimization that did not run out of time gives the same
/// schedule every time.
/// </remarks>
internal static class ScheduleMinimizer
{
    // The schedules of the bounded search that looks for fewer steps, once the fewest preemptions are known.
    private const int FewerStepsSchedules = 1_000;

    // The schedules of the walk that looks for a native schedule of a bug Coyote's engine found.
    private const int WalkSchedules = 100_000;

    // The schedules of the deepening search; the time budget ends it first on all but small tests.
    private const int FewerPreemptionsSchedules = 1_000_000;

    /// <summary>The shortest schedule that shows <paramref name="original"/>'s bug, and how far it got.</summary>
    /// <param name="test">The test.</param>
    /// <param name="options">The exploration's options: its step bound and race checking hold for the candidates too.</param>
    /// <param name="hooks">The test's set-up and tear-down hooks.</param>
    /// <param name="original">The failing schedule the exploration found.</param>
    /// <param name="budget">How long the minimizer may run.</param>
    /// <returns>The reported schedule (the original when none shorter was found) and the account of the minimization.</returns>
    internal static (FoundBug Bug, Minimization Minimization) Minimize(
        Func<Task> test, ExplorationOptions options, TestHooks hooks, FoundBug original, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        var originalPreemptions = options.Engine == SchedulingEngine.Native ? original.Preemptions.Count : (int?)null;
        var kept = new Minimization
        {
            OriginalSteps = original.Events.Count,
            OriginalPreemptions = originalPreemptions,
            Steps = original.Events.Count,
            Preemptions = originalPreemptions,
        };

        var unshrinkable = original.Finding.Verdict switch
        {
            // A hang is a schedule that reaches the step bound: no shorter one shows it. Its account tells its loop.
            Verdict.Hang => "a hang reaches the step bound in every schedule that shows it",
            Verdict.Uncontrolled => "the test escaped the scheduler's control, which no other schedule tells more of",
            _ => null,
        };
        if (unshrinkable is not null)
        {
            return (original, kept with { Note = unshrinkable, Elapsed = clock.Elapsed });
        }

        if (hooks.IsRewritten)
        {
            return (original, kept with { Note = "shrinking runs on the native engine, which does not run assemblies rewritten by `coyote rewrite`", Elapsed = clock.Elapsed });
        }

        // The reported schedule is never longer than the one found, on either engine: a minimal account is never a longer one.
        var stepLimit = original.Events.Count;
        bool Shows(FoundBug bug) => bug.Events.Count <= stepLimit && SameBug.Holds(original.Finding, bug.Finding);

        // A schedule of Coyote's engine does not tell its preemptions: a native walk first finds the bug in as few
        // steps, to start from. Its preemptions, undone one at a time, take a few schedules whatever the test's
        // size; the search then need only prove that no schedule shows the bug with fewer.
        var (start, schedules) = originalPreemptions is null ? Walk(test, options, hooks, Shows, clock, budget) : (original, 0);
        var (undone, undoings) = start is null ? (null, 0) : UndoPreemptions(test, options, hooks, start, Shows, clock, budget);
        schedules += undoings;
        var (fewest, proven) = (undone, undone is { Preemptions.Count: 0 });
        if (!proven && budget > clock.Elapsed)
        {
            var deepening = new ScheduleSearch(test, Options(options, FewerPreemptionsSchedules, preemptionBound: null, budget - clock.Elapsed), hooks, log: null)
            {
                Wanted = Shows,
                DeepenBelow = undone?.Preemptions.Count,
            };
            deepening.Run();
            schedules += deepening.SchedulesRun;
            if (deepening.FirstBug is { } found && Shows(found))
            {
                (fewest, proven) = (found, true);
            }
            else
            {
                proven = undone is not null && deepening.Exhausted;
            }

            if (fewest is null || (!proven && fewest.Preemptions.Count == originalPreemptions))
            {
                var why = (deepening.Exhausted, deepening.FirstBug) switch
                {
                    (true, _) => "no schedule of the native engine shows the bug in as few steps",
                    (_, { } other) when !Shows(other) => $"the native engine's search ended at another failure: {other.Finding.Message}",
                    _ when originalPreemptions is null => string.Create(CultureInfo.InvariantCulture, $"no schedule of the native engine with the bug in as few steps turned up in the {budget.TotalSeconds:0.#} s allowed"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"no schedule with the bug in as few steps and fewer preemptions turned up in the {budget.TotalSeconds:0.#} s allowed"),
                };
                return (original, kept with { Note = why, SchedulesRun = schedules, Elapsed = clock.Elapsed });
            }
        }

        if (fewest is null)
        {
            return (original, kept with { Note = "the time allowed ran out before a schedule with fewer preemptions turned up", SchedulesRun = schedules, Elapsed = clock.Elapsed });
        }

        var shortest = fewest;
        var preemptions = fewest.Preemptions.Count;
        var bounded = new ScheduleSearch(test, Options(options, FewerStepsSchedules, preemptions, budget - clock.Elapsed), hooks, log: null)
        {
            Wanted = bug =>
            {
                if (bug.Events.Count < shortest.Events.Count && Shows(bug))
                {
                    shortest = bug;
                }

                return false;
            },
        };
        if (budget > clock.Elapsed)
        {
            bounded.Run();
            schedules += bounded.SchedulesRun;
        }

        var unsettled = string.Create(CultureInfo.InvariantCulture, $"the search for fewer did not end in the {budget.TotalSeconds:0.#} s allowed");
        if (originalPreemptions == preemptions && shortest.Events.Count == original.Events.Count)
        {
            var note = proven ? null : $"none of its preemptions could be undone, and {unsettled}";
            return (original, kept with { FewestPreemptions = proven, FewestSteps = bounded.Exhausted, Note = note, SchedulesRun = schedules, Elapsed = clock.Elapsed });
        }

        return (shortest, kept with
        {
            Steps = shortest.Events.Count,
            Preemptions = preemptions,
            Replaced = true,
            FewestPreemptions = proven,
            FewestSteps = bounded.Exhausted,
            Note = proven ? null : $"its preemptions undone one at a time; {unsettled}",
            SchedulesRun = schedules,
            Elapsed = clock.Elapsed,
        });
    }

    /// <summary>
    /// Undoes <paramref name="original"/>'s preemptions one at a time, keeping each undoing that still shows the
    /// bug, until none of the kept schedule's can be undone (or the time runs out).
    /// </summary>
    /// <returns>The kept schedule (the original when no undoing kept the bug) and the schedules run.</returns>
    internal static (FoundBug Bug, int Schedules) UndoPreemptions(
        Func<Task> test, ExplorationOptions options, TestHooks hooks, FoundBug original, Func<FoundBug, bool> shows, Stopwatch clock, TimeSpan budget)
    {
        var kept = original;
        var itself = new PreemptionUndone(NativeTrace.Choices(original.Trace), undoneStep: 0);
        Guided(test, options, hooks, itself, budget - clock.Elapsed);
        var preempted = itself.PreemptedSteps;
        var schedules = 1;
        for (var i = 0; i < preempted.Count && budget > clock.Elapsed; i++)
        {
            var undoing = new PreemptionUndone(NativeTrace.Choices(kept.Trace), preempted[i]);
            var bug = Guided(test, options, hooks, undoing, budget - clock.Elapsed);
            schedules++;
            if (bug is not null && shows(bug) && bug.Preemptions.Count < kept.Preemptions.Count)
            {
                (kept, preempted, i) = (bug, undoing.PreemptedSteps, -1);
            }
        }

        return (kept, schedules);
    }

    // A walk of the native portfolio, with half the time left, for a schedule that shows the bug: the first, or null.
    private static (FoundBug? Bug, int Schedules) Walk(
        Func<Task> test, ExplorationOptions options, TestHooks hooks, Func<FoundBug, bool> shows, Stopwatch clock, TimeSpan budget)
    {
        var walk = new ScheduleSearch(test, Options(options, WalkSchedules, preemptionBound: null, (budget - clock.Elapsed) / 2) with { Strategy = ExplorationStrategy.Portfolio }, hooks, log: null)
        {
            Wanted = shows,
        };
        walk.Run();
        return (walk.FirstBug, walk.SchedulesRun);
    }

    // The one schedule the guide chooses, run as the search runs its schedules: its bug, or null.
    private static FoundBug? Guided(Func<Task> test, ExplorationOptions options, TestHooks hooks, PreemptionUndone guide, TimeSpan budget)
    {
        var search = new ScheduleSearch(test, Options(options, 1, preemptionBound: null, budget), hooks, log: null) { Guide = guide };
        search.Run();
        return search.FirstBug;
    }

    private static ExplorationOptions Options(ExplorationOptions options, int schedules, int? preemptionBound, TimeSpan budget) => options with
    {
        Engine = SchedulingEngine.Native,
        Strategy = ExplorationStrategy.Exhaustive,
        PreemptionBound = preemptionBound,
        SleepSets = false,
        Iterations = schedules,
        Timeout = budget,
        Seed = 0,
        FirstSchedule = 0,
        ParallelEngines = 1,
        Progress = null,
        ReplayTrace = null,
        MinimizeFor = null,
    };
}
