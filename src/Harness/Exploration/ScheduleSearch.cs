using System.Diagnostics;
using Interleave.Harness.Findings;
using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Harness.Exploration;

/// <summary>
/// One exploration of one test: runs Coyote <c>TestingEngine</c>s, or native iterations, over the schedules
/// 1..N of one seed, on one engine or several side by side, stops at the deadline or once the first bug is known, and keeps the
/// lowest-numbered failing schedule with its recorded events.
/// </summary>
/// <remarks>
/// Schedule k is what one engine started at the base seed runs as its k-th iteration: Coyote bumps the seed
/// by one per iteration, so an engine started at seed + k - 1 runs it first. Parallel engines therefore take
/// chunks of consecutive schedules in order, and a run finds the same first bug (for the random family)
/// with one engine or many.
/// </remarks>
internal sealed partial class ScheduleSearch
{
    private readonly Func<Task> _test;
    private readonly ExplorationOptions _options;
    private readonly TestHooks _hooks;
    private readonly TextWriter? _log;
    private readonly uint _baseSeed;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private FoundBug? _firstBug;
    private int _schedulesRun;
    private long _stepsExplored;
    private int _nextChunk;
    private readonly List<Finding> _warnings = [];
    private volatile bool _timedOut;
    private Exception? _loadFailure;

    internal ScheduleSearch(Func<Task> test, ExplorationOptions options, TestHooks hooks, TextWriter? log)
    {
        _test = test;
        _options = options;
        _hooks = hooks;
        _log = log;
        _baseSeed = options.Seed ?? (uint)Random.Shared.NextInt64(0, uint.MaxValue);
    }

    /// <summary>
    /// The runtime's failure to load code the test calls, if a schedule failed with one: the test cannot run
    /// as built, and the search stopped at it (see <see cref="LoadFailures"/>).
    /// </summary>
    internal Exception? LoadFailure => Volatile.Read(ref _loadFailure);

    /// <summary>The failing schedule with the lowest number, if any.</summary>
    internal FoundBug? FirstBug => _firstBug;

    /// <summary>The events of the schedule an engine ran last: for a replay, the replayed schedule.</summary>
    internal IReadOnlyList<PrimitiveEvent> LastEvents { get; private set; } = [];

    /// <summary>The last schedule's preemptions, where the engine tells them (the native engine; none under Coyote's).</summary>
    internal IReadOnlyList<Preemption> LastPreemptions { get; private set; } = [];

    /// <summary>The distinct races seen, in order, when <see cref="ExplorationOptions.Races"/> is <see cref="RaceChecking.Warn"/>.</summary>
    internal IReadOnlyList<Finding> RaceWarnings
    {
        get
        {
            lock (_warnings)
            {
                return [.. _warnings];
            }
        }
    }

    /// <summary>Schedules started, over all engines.</summary>
    internal int SchedulesRun => _schedulesRun;

    /// <summary>Scheduling steps taken, over all engines.</summary>
    internal long StepsExplored => Interlocked.Read(ref _stepsExplored);

    /// <summary>The deadline stopped the run before its schedules were done and before any bug.</summary>
    internal bool TimedOut => _timedOut && _firstBug is null;

    internal TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Runs the schedules, calling the test's set-up and tear-down hooks around them.</summary>
    internal void Run()
    {
        _hooks.Initialize();
        var engines = Math.Min(_options.ParallelEngines, _options.Iterations);
        if (engines <= 1 || _options.ReplayTrace is not null || _hooks.Any)
        {
            RunEngine(0, _options.Iterations);
        }
        else
        {
            RunSideBySide(engines);
        }

        _hooks.Dispose();
    }

    private void RunSideBySide(int engines)
    {
        // Small enough that the engines finish together and stop soon after a bug; large enough that
        // creating an engine per chunk costs little.
        // Whole turns of the portfolio, so that each chunk takes its strategies in the order one engine would.
        var turn = StrategyTurns.Length(_options.Strategy);
        var chunk = Math.Max(turn, StrategyTurns.RoundDown(Math.Clamp(_options.Iterations / (engines * 8), 1, 500), _options.Strategy));
        void Worker()
        {
            while (true)
            {
                int first;
                lock (_gate)
                {
                    first = _nextChunk;
                    _nextChunk += chunk;
                }

                if (first >= _options.Iterations || ShouldStop(first + 1))
                {
                    return;
                }

                RunEngine(first, Math.Min(chunk, _options.Iterations - first));
            }
        }

        DedicatedThreads.Run(engines, Worker);
    }

    // Runs schedules first+1 .. first+count on one engine.
    private void RunEngine(int first, int count)
    {
        if (_options.Engine == SchedulingEngine.Native)
        {
            RunNative(first, count);
            return;
        }

        ScheduleRecorder? lastIteration = null;
        Task RecordedTest()
        {
            lastIteration = ObserverHub.RecordCurrentIteration(_options.Races, Warn, Reword);
            return Watched();
        }

        using var engine = TestingEngine.Create(Configure(unchecked(_baseSeed + (uint)_options.FirstSchedule + (uint)first), count), RecordedTest);

        // Coyote prints its progress even at verbosity None; the report says what matters. A replay keeps
        // Coyote's errors, which are the only place it says where a schedule diverged.
        engine.SetLogger(new TextWriterLogger(_log ?? TextWriter.Null, _log is null ? VerbosityLevel.None : VerbosityLevel.Error));
        var started = 0;
        engine.RegisterStartIterationCallBack(iteration =>
        {
            // Coyote offers no way to stop between iterations but Stop(), which returns from Run while the
            // current iteration still runs; its loop does end cleanly on a TaskCanceledException.
            if (ShouldStop(first + (int)iteration + 1))
            {
                throw new TaskCanceledException("Interleave stopped the exploration.");
            }

            started++;
            var schedules = Interlocked.Increment(ref _schedulesRun);
            _options.Progress?.Report(schedules);
        });
        engine.RegisterEndIterationCallBack(_ =>
        {
            _options.ScheduleRecorded?.Invoke(lastIteration?.Events ?? []);
            _hooks.DisposeIteration();

            // Coyote's report keeps the trace of every distinct schedule as text, only to count them (which
            // nothing here reads): kept, an engine's memory grows with every schedule it runs.
            engine.TestReport.CoverageInfo.ExploredPaths.Clear();
        });
        engine.Run();
        Interlocked.Add(ref _stepsExplored, (long)engine.TestReport.TotalExploredFairSteps + engine.TestReport.TotalExploredUnfairSteps);
        LastEvents = lastIteration?.Events ?? [];
        if (engine.TestReport.NumOfFoundBugs > 0)
        {
            var finding = lastIteration?.Failure ?? CoyoteMessages.Interpret(engine.TestReport.BugReports.First(), LastEvents, _hooks.IsRewritten, Reword, _hooks.UsesUncontrolledLibrary);
            Record(new FoundBug(first + started, finding, engine.ReproducibleTrace ?? string.Empty, LastEvents));
        }
    }

    private string Reword(string message) => _options.Reword?.Invoke(message) ?? message;

    // The same race recurs in schedule after schedule, at other steps: one warning per wording.
    private void Warn(Finding race)
    {
        lock (_warnings)
        {
            if (!_warnings.Exists(w => w.Message == race.Message))
            {
                _warnings.Add(race);
            }
        }
    }

    // Runs the test, noting a failure to load the code it calls, on either engine, thrown at once or by its task.
    // The continuation only notes: it runs inline where the task fails and posts no operation of its own.
    private Task Watched()
    {
        Task task;
        try
        {
            task = _test();
        }
        catch (Exception error)
        {
            NoteLoadFailure(error);
            throw;
        }

        if (task.IsCompletedSuccessfully)
        {
            return task;
        }

        _ = task.ContinueWith(
            static (failed, search) => ((ScheduleSearch)search!).NoteLoadFailure(failed.Exception),
            this,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }

    private void NoteLoadFailure(Exception? error)
    {
        if (LoadFailures.Find(error) is { } failure)
        {
            Interlocked.CompareExchange(ref _loadFailure, failure, null);
        }
    }

    private bool ShouldStop(int schedule)
    {
        if (LoadFailure is not null)
        {
            return true;
        }

        if (_firstBug is { } bug && bug.Schedule < schedule)
        {
            return true;
        }

        if (_options.Timeout is { } timeout && _clock.Elapsed >= timeout)
        {
            _timedOut = true;
            return true;
        }

        return false;
    }

    private void Record(FoundBug bug)
    {
        lock (_gate)
        {
            if (_firstBug is null || bug.Schedule < _firstBug.Schedule)
            {
                _firstBug = bug;
            }
        }
    }

    private Configuration Configure(uint seed, int iterations)
    {
        // Trace analysis (on in Coyote by default) builds an execution graph of every step, read only for the
        // .dgml reports we never write; the graph grows with the schedule and every garbage collection walks
        // it, so a step cost more the longer the schedule ran (bench/RESULTS.md, "Cost of reaching a hang").
        var configuration = Configuration.Create()
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(VerbosityLevel.None)
            .WithTraceAnalysisEnabled(false)
            .WithTestingIterations((uint)iterations)
            .WithMaxSchedulingSteps((uint)_options.MaxSteps)
            .WithFailureOnMaxStepsBoundEnabled(true)
            .WithRandomGeneratorSeed(seed);
        if (_options.ReplayTrace is { } trace)
        {
            return configuration.WithReproducibleTrace(trace);
        }

        // Prioritization and delay-bounding are Coyote's fair variants (as in its portfolio): past MaxSteps
        // they schedule randomly. Unfair, they can starve a task that is ready to run for as long as another
        // keeps retrying on virtual-time timeouts, and report a hang that no real run would have.
        var bound = (uint)_options.StrategyBound;
        return _options.Strategy switch
        {
            ExplorationStrategy.Prioritization => configuration.WithPrioritizationStrategy(isFair: true, priorityChangeBound: bound),
            ExplorationStrategy.Probabilistic => configuration.WithProbabilisticStrategy(),
            ExplorationStrategy.DelayBounding => configuration.WithDelayBoundingStrategy(isFair: true, delayBound: bound),
            ExplorationStrategy.QLearning => configuration.WithQLearningStrategy(),

            // Coyote's default when no strategy is named: random, probabilistic, fair prioritization and
            // fair delay-bounding, taking turns schedule by schedule.
            ExplorationStrategy.Portfolio => configuration,
            _ => configuration.WithRandomStrategy(),
        };
    }

    /// <summary>A failing schedule: its number in the run, what failed it, its trace and its events.</summary>
    internal sealed record FoundBug(int Schedule, Finding Finding, string Trace, IReadOnlyList<PrimitiveEvent> Events)
    {
        /// <summary>The failing schedule's preemptions, where the engine tells them (the native engine).</summary>
        internal IReadOnlyList<Preemption> Preemptions { get; init; } = [];
    }
}
