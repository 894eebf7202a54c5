using Interleave.Harness.Exploration;
using Interleave.Harness.Findings;
using Interleave.Harness.Native;
using Interleave.Harness.Shrinking;
using Interleave.Harness.Tracing;

namespace Interleave.Harness;

/// <summary>
/// Runs a test under many schedules chosen by one of Coyote's strategies, and says what it found:
/// Coyote's <c>TestingEngine</c> made friendly.
/// </summary>
/// <remarks>
/// The test's assembly may declare Coyote's <c>[TestInit]</c>, <c>[TestIterationDispose]</c> and
/// <c>[TestDispose]</c> methods (one of each per assembly, as <c>coyote test</c> requires): they run before
/// the first schedule, after each schedule and after the last.
/// </remarks>
public static partial class Explorer
{
    /// <summary>The strategies the native engine has.</summary>
    internal static readonly ExplorationStrategy[] NativeStrategies =
    [
        ExplorationStrategy.Random, ExplorationStrategy.Probabilistic, ExplorationStrategy.PartialOrderSampling,
        ExplorationStrategy.SelectivelyUniformWalk, ExplorationStrategy.Prioritization, ExplorationStrategy.Portfolio,
        ExplorationStrategy.Exhaustive,
    ];

    /// <summary>Explores <paramref name="test"/> and reports the first bug, if any.</summary>
    /// <param name="test">The test: an async method that uses Interleave primitives and <c>ControlledTask</c>.</param>
    /// <param name="options">How to explore; defaults to 100 random schedules.</param>
    /// <returns>What the exploration found.</returns>
    /// <exception cref="TestHookException">A set-up or tear-down method of the test's assembly failed.</exception>
    /// <exception cref="TestSetupException">Code the test calls failed to load: it cannot run as built.</exception>
    public static ExplorationReport Run(Func<Task> test, ExplorationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(test);
        return Run(test, options ?? new ExplorationOptions(), TestHooks.Of(test));
    }

    /// <summary>
    /// Replays the schedule of <paramref name="trace"/> (the text of a <c>.trace</c> file) on
    /// <paramref name="test"/>, to see the same failure and the same account again.
    /// </summary>
    /// <param name="test">The test the trace was recorded on.</param>
    /// <param name="trace">The trace's JSON text.</param>
    /// <param name="testName">The name the trace must have been recorded under; defaults to the method's Namespace.Type.Method.</param>
    /// <returns>What the replayed schedule did: the recorded failure, with the same account.</returns>
    /// <exception cref="TraceException">
    /// The trace is unreadable, was recorded for another test or Coyote version, or the schedule diverged
    /// because the code changed (the message names the step), or it replayed without the failure.
    /// </exception>
    /// <exception cref="TestSetupException">Code the test calls failed to load: it cannot run as built.</exception>
    public static ExplorationReport Replay(Func<Task> test, string trace, string? testName = null)
    {
        ArgumentNullException.ThrowIfNull(test);
        return Replay(test, trace, testName, TestHooks.Of(test));
    }

    /// <summary>Explores with the set-up and tear-down hooks of the assembly the test really comes from.</summary>
    internal static ExplorationReport Run(Func<Task> test, ExplorationOptions options, TestHooks hooks)
    {
        Validate(options);
        if (options.Engine == SchedulingEngine.Native && hooks.IsRewritten)
        {
            throw new ArgumentException(
                "The native engine runs tests written on Interleave's primitives and ControlledTask; this test's assembly was rewritten by `coyote rewrite`, "
                + "whose calls only Coyote's engine controls: explore it with the Coyote engine.",
                nameof(options));
        }

        var search = new ScheduleSearch(test, options, hooks, log: null);
        search.Run();
        var name = options.TestName ?? TraceFile.NameOf(test);
        ThrowIfNotLoadable(search, name);
        if (options.MinimizeFor is not { } budget || search.FirstBug is not { } found)
        {
            return Report(search, options, name);
        }

        var (reported, minimization) = ScheduleMinimizer.Minimize(test, options, hooks, found, budget);
        var original = Report(search, options, name);
        if (!minimization.Replaced)
        {
            return original with { Minimization = minimization };
        }

        var (account, trace) = Explain(reported, name, options.Races);
        return original with
        {
            Finding = reported.Finding,
            Trace = trace,
            Account = account,
            Events = reported.Events,
            Preemptions = reported.Preemptions,
            Minimization = minimization with { OriginalTrace = original.Trace },
        };
    }

    // A failure to load the test's code fails every schedule alike: a set-up error, not a bug to report.
    private static void ThrowIfNotLoadable(ScheduleSearch search, string testName)
    {
        if (search.LoadFailure is { } failure)
        {
            throw new TestSetupException(LoadFailures.Describe(failure, testName), failure);
        }
    }

    internal static ExplorationReport Replay(Func<Task> test, string trace, string? testName, TestHooks hooks)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var name = testName ?? TraceFile.NameOf(test);
        TraceFile.Validate(trace, name);
        var log = new StringWriter();
        var options = new ExplorationOptions
        {
            Iterations = 1,
            ReplayTrace = trace,
            Races = TraceFile.RecordedRaces(trace),
            Engine = NativeTrace.IsNative(trace) ? SchedulingEngine.Native : SchedulingEngine.Coyote,
        };
        var search = new ScheduleSearch(test, options, hooks, log);
        search.Run();
        ThrowIfNotLoadable(search, name);
        var report = Report(search, options, name);
        if ((search.Divergence ?? CoyoteMessages.Divergence(log.ToString())) is { } divergence)
        {
            throw new TraceException($"The schedule diverged from the trace {divergence}: the code under test changed since the trace was recorded, or the trace belongs to another test.");
        }

        var recorded = TraceFile.RecordedAccount(trace);
        if (report.Finding is null)
        {
            var replayed = ScheduleAccount.Render(search.LastEvents, finding: null, search.LastPreemptions);
            var where = recorded is not null && AccountDifference.Find(recorded, replayed) is { } difference
                ? $" (it first departs from the recorded account at {difference})"
                : string.Empty;
            throw new TraceException($"The trace replayed to its end without the failure{where}: the code under test changed since the trace was recorded, or the trace belongs to another test.");
        }

        // A schedule that no longer fits the code can still end in a failure, only not the recorded one:
        // that is not a reproduction. The last line of an account is the verdict and its message.
        if (recorded is not null
            && AccountDifference.Lines(recorded)[^1] != AccountDifference.Lines(report.Account)[^1])
        {
            throw new TraceException(
                $"The trace replayed to another failure than the one it recorded (it first departs from the recorded account at {AccountDifference.Find(recorded, report.Account)}): "
                + "the code under test changed since the trace was recorded, or the trace belongs to another test.");
        }

        return report;
    }

    /// <summary>
    /// The strategies Coyote's engine has: Coyote 1.7.11's, fixed by its version; every other strategy is the
    /// native engine's alone.
    /// </summary>
    internal static readonly ExplorationStrategy[] CoyoteStrategies =
    [
        ExplorationStrategy.Random, ExplorationStrategy.Prioritization, ExplorationStrategy.Probabilistic,
        ExplorationStrategy.DelayBounding, ExplorationStrategy.QLearning, ExplorationStrategy.Portfolio,
    ];

    private static void Validate(ExplorationOptions options)
    {
        if (options.Iterations <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Iterations, "Iterations must be at least 1.");
        }

        if (options.MaxSteps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxSteps, "MaxSteps must be at least 1.");
        }

        if (options.ParallelEngines <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ParallelEngines, "ParallelEngines must be at least 1.");
        }

        if (options.FirstSchedule < 0 || (options.FirstSchedule > 0 && options.Seed is null))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FirstSchedule, "FirstSchedule must be at least 0, and a run that starts past schedule 0 needs a Seed.");
        }

        if (options.Engine == SchedulingEngine.Native && !NativeStrategies.Contains(options.Strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, $"The native engine has the strategies {string.Join(", ", NativeStrategies)}: explore with the Coyote engine for this one.");
        }

        if (options.Engine == SchedulingEngine.Coyote && options.Strategy == ExplorationStrategy.PartialOrderSampling)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, "Partial order sampling runs on the native engine only (Coyote 1.7.11 has no such strategy): set Engine to Native.");
        }

        if (options.Engine == SchedulingEngine.Coyote && options.Strategy == ExplorationStrategy.SelectivelyUniformWalk)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, "The selectively uniform walk runs on the native engine only (Coyote 1.7.11 has no such strategy): set Engine to Native.");
        }

        if (options.Engine == SchedulingEngine.Coyote && options.Strategy == ExplorationStrategy.Exhaustive)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, "The exhaustive search runs on the native engine only (Coyote's DFS does not say when it has run every schedule): set Engine to Native.");
        }

        if (options.Strategy == ExplorationStrategy.Exhaustive && (options.ParallelEngines > 1 || options.FirstSchedule > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, "The exhaustive search runs its schedules in order on one engine: ParallelEngines must be 1 and FirstSchedule 0.");
        }

        if (options.SleepSets && (options.Strategy != ExplorationStrategy.Exhaustive || options.PreemptionBound is not null))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SleepSets, "SleepSets prunes the exhaustive search without a preemption bound: set Strategy to Exhaustive and leave PreemptionBound null.");
        }

        if (options.PreemptionBound is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PreemptionBound, "PreemptionBound must be at least 0.");
        }

        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), timeout, "Timeout must be positive.");
        }
    }

    private static ExplorationReport Report(ScheduleSearch search, ExplorationOptions options, string testName)
    {
        if (search.FirstBug is not { } bug)
        {
            return new ExplorationReport
            {
                IterationsRun = search.SchedulesRun,
                Elapsed = search.Elapsed,
                TimedOut = search.TimedOut,
                RaceWarnings = search.RaceWarnings,
                StepsExplored = search.StepsExplored,
                Exhausted = search.Exhausted,
                DistinctSchedules = search.DistinctSchedules,
                PreemptionBound = options.Strategy == ExplorationStrategy.Exhaustive ? options.PreemptionBound : null,
                SleepSets = options.SleepSets,
            };
        }

        var (account, trace) = Explain(bug, testName, options.Races);
        return new ExplorationReport
        {
            Finding = bug.Finding,
            IterationsRun = bug.Schedule,
            Trace = trace,
            Elapsed = search.Elapsed,
            Account = account,
            Events = bug.Events,
            Preemptions = bug.Preemptions,
            FailingSchedule = options.FirstSchedule + bug.Schedule,
            RaceWarnings = search.RaceWarnings,
            StepsExplored = search.StepsExplored,
        };
    }

    // A bug's account, and its trace stamped with the test's name, the account and the race checking it was found with.
    private static (string Account, string Trace) Explain(ScheduleSearch.FoundBug bug, string testName, RaceChecking races)
    {
        var account = ScheduleAccount.Render(bug.Events, bug.Finding, bug.Preemptions);
        return (account, TraceFile.Stamp(bug.Trace, testName, account, races));
    }
}
