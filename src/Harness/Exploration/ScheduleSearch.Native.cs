using Interleave.Harness.Findings;
using Interleave.Harness.Native;
using Interleave.Harness.Tracing;
using Interleave.Primitives.NativeEngine;

namespace Interleave.Harness.Exploration;

/// <summary>The schedules of a search run by the native engine.</summary>
internal sealed partial class ScheduleSearch
{
    // How long a running operation may take no step, and the unwinding of an ended iteration may take,
    // before the harness stops waiting for it.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    private static readonly ExplorationStrategy[] NativePortfolio =
    [
        ExplorationStrategy.Random, ExplorationStrategy.Probabilistic, ExplorationStrategy.PartialOrderSampling,
        ExplorationStrategy.SelectivelyUniformWalk, ExplorationStrategy.Prioritization,
    ];

    // Room a schedule's recorder makes for its events at first: as many as the longest so far, up to a bound
    // that a hang's tens of thousands do not make every later schedule allocate.
    private const int ExpectedEventsAtMost = 1024;

    private int _longestNativeSchedule;
    private int _expectedEvents;
    private DepthFirstSearch? _depthFirst;
    private UniformWalkEstimates? _uniformWalk;

    /// <summary>True when the exhaustive search ran out of schedules with no bug.</summary>
    internal bool Exhausted => _depthFirst is { IsComplete: true, Nondeterminism: null } && _firstBug is null;

    /// <summary>The distinct schedules the exhaustive search ran without a bug; 0 for other strategies.</summary>
    internal long DistinctSchedules => _depthFirst?.DistinctSchedules ?? 0;

    /// <summary>
    /// Which failing schedules of the native engine end the search; null for every one. A schedule it turns
    /// down counts as free of bugs, and the search goes on (the minimizer looks for one bug among others).
    /// </summary>
    internal Func<FoundBug, bool>? Wanted { get; init; }

    /// <summary>
    /// For the exhaustive search, the preemption count its deepening stops below: it then proves, when it runs out
    /// with no bug, that none shows with fewer; null to deepen until the schedules run out.
    /// </summary>
    internal int? DeepenBelow { get; init; }

    /// <summary>The strategy of the search's one schedule, in place of the options' (the minimizer's variations of a schedule); null for none.</summary>
    internal INativeStrategy? Guide { get; init; }

    /// <summary>For a replay on the native engine, where the schedule stopped fitting the trace; null when it fit.</summary>
    internal string? Divergence { get; private set; }

    // Runs schedules first+1 .. first+count, one native iteration each. Schedule k runs at seed + k - 1, as
    // Coyote's engine bumps its seed, so ranges and shards of one seed explore what one run would.
    private void RunNative(int first, int count)
    {
        var replay = _options.ReplayTrace is { } trace ? new ReplayStrategy(NativeTrace.Choices(trace)) : null;
        var stepBound = _options.ReplayTrace is { } recorded ? NativeTrace.StepBound(recorded) : FairStepBound;
        if (replay is null && Guide is null && _options.Strategy == ExplorationStrategy.Exhaustive)
        {
            _depthFirst = new DepthFirstSearch(_options.PreemptionBound, _options.SleepSets, DeepenBelow);
        }

        var started = 0;
        var stopped = false;
        NativeSchedule? current = null;

        (NativeIteration, Func<Task>)? Next()
        {
            var schedule = first + started + 1;
            if (stopped || started == count || ShouldStop(schedule) || _depthFirst is { IsComplete: true })
            {
                return null;
            }

            started++;
            var schedulesRun = Interlocked.Increment(ref _schedulesRun);
            _options.Progress?.Report(schedulesRun);
            var seed = unchecked(_baseSeed + (uint)_options.FirstSchedule + (uint)schedule - 1);
            var strategy = NativeStrategyOf(schedule);
            var iteration = new NativeIteration(Guide ?? replay ?? _depthFirst?.NextSchedule() ?? StrategyFor(strategy, seed), stepBound);
            var recorded = current = new NativeSchedule(schedule, seed, strategy);
            iteration.Preempted += task => recorded.Recorder?.Preempted(task);
            return (iteration, () =>
            {
                recorded.Recorder = ObserverHub.RecordCurrentIteration(_options.Races, Warn, Reword, _expectedEvents);
                return Watched();
            });
        }

        void Ended(NativeIteration iteration, IterationEnd end) => stopped = !Interpret(current!, iteration, end, replay, stepBound);

        new IterationChain(Next, Ended).Run(Patience);
    }

    // What one schedule's end tells the search; false when the search stops at it.
    private bool Interpret(NativeSchedule schedule, NativeIteration iteration, IterationEnd end, ReplayStrategy? replay, int stepBound)
    {
        var recorder = schedule.Recorder;
        recorder?.Seal();
        Interlocked.Add(ref _stepsExplored, iteration.Steps);
        _longestNativeSchedule = Math.Max(_longestNativeSchedule, iteration.Steps);
        LastEvents = recorder?.Events ?? [];
        LastPreemptions = recorder?.Preemptions ?? [];
        _expectedEvents = Math.Min(Math.Max(_expectedEvents, LastEvents.Count), ExpectedEventsAtMost);
        _options.ScheduleRecorded?.Invoke(LastEvents);
        _hooks.DisposeIteration();
        string Trace() => NativeTrace.Write(schedule.Strategy.ToString(), schedule.Seed, stepBound, iteration.Choices);

        // A schedule the exhaustive search's sleep sets stopped ends as diverged: what it found up to there counts.
        var pruned = end.Kind == IterationEndKind.Diverged && _depthFirst is { Pruned: true };
        if (end.Kind == IterationEndKind.Diverged && _depthFirst?.Nondeterminism is { } nondeterminism)
        {
            Record(new FoundBug(schedule.Number, StallDiagnosis.Nondeterministic(nondeterminism, Reword), Trace(), LastEvents));
            return false;
        }

        if (end.Kind == IterationEndKind.Diverged && !pruned)
        {
            Divergence = $"{end.Message} ({replay?.Divergence})";
            return false;
        }

        if (NativeOutcome.Interpret(end, recorder?.Failure, LastEvents, stepBound, Reword) is { } finding)
        {
            var bug = new FoundBug(schedule.Number, finding, Trace(), LastEvents) { Preemptions = LastPreemptions };
            if (Wanted?.Invoke(bug) ?? true)
            {
                Record(bug);
                return false;
            }
        }

        _depthFirst?.Backtrack();
        return true;
    }

    // The native portfolio takes its strategies in turn by schedule number, so a range of schedules runs what
    // the whole run would have at those numbers.
    private ExplorationStrategy NativeStrategyOf(int schedule) => _options.Strategy switch
    {
        ExplorationStrategy.Portfolio => NativePortfolio[(schedule - 1) % NativePortfolio.Length],
        var named => named,
    };

    // Prioritization's change points fall among the steps of the longest schedule this search has run, as
    // Coyote's; its first schedule has none. The uniform walk weighs tasks by the steps the search's earlier
    // schedules counted.
    private INativeStrategy StrategyFor(ExplorationStrategy strategy, uint seed) => strategy switch
    {
        ExplorationStrategy.Prioritization => new PrioritizationStrategy(seed, _options.StrategyBound, _longestNativeSchedule, _options.MaxSteps),
        ExplorationStrategy.PartialOrderSampling => new PartialOrderSamplingStrategy(seed, _options.MaxSteps),
        ExplorationStrategy.Probabilistic => new ProbabilisticStrategy(seed, ProbabilisticStrategy.CoyoteBound),
        ExplorationStrategy.SelectivelyUniformWalk => new SelectivelyUniformWalkStrategy(seed, _uniformWalk ??= new(), _options.MaxSteps),
        _ => new RandomStrategy(seed),
    };

    // Past MaxSteps Coyote's fair strategies choose at random, and count a hang at ten times as many: the
    // native strategies are fair throughout, and count a hang at the same bound.
    private int FairStepBound => checked(_options.MaxSteps * 10);

    // One schedule of the native engine: its number in the run, its strategy and seed, and its recorder once it started.
    private sealed class NativeSchedule(int number, uint seed, ExplorationStrategy strategy)
    {
        internal int Number { get; } = number;

        internal uint Seed { get; } = seed;

        internal ExplorationStrategy Strategy { get; } = strategy;

        internal ScheduleRecorder? Recorder { get; set; }
    }
}
