using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness;

/// <summary>How to explore a test: an immutable record, changed with <c>with</c> expressions.</summary>
public sealed record ExplorationOptions
{
    /// <summary>How many schedules to run, unless a bug stops the run first.</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>The scheduling strategy; <see cref="ExplorationStrategy.Portfolio"/> unless told otherwise.</summary>
    public ExplorationStrategy Strategy { get; init; } = ExplorationStrategy.Portfolio;

    /// <summary>The scheduler that runs the schedules; <see cref="SchedulingEngine.Coyote"/> unless told otherwise.</summary>
    public SchedulingEngine Engine { get; init; } = SchedulingEngine.Coyote;

    /// <summary>The random seed; null for a fresh one each run.</summary>
    public uint? Seed { get; init; }

    /// <summary>
    /// Scheduling steps a schedule may take under a strategy's own (unfair) choices; past them the fair
    /// strategies (random, probabilistic, prioritization, delay-bounding, portfolio) go on choosing at random,
    /// and a schedule still running after ten times as many steps counts as a hang. Q-learning, which Coyote
    /// offers only unfair, counts a hang at this bound, and can report one for a program that makes progress
    /// only when every ready task eventually runs (e.g. a loop retrying on timeouts): confirm such a hang with
    /// another strategy. Coyote's <c>--max-steps</c>.
    /// </summary>
    public int MaxSteps { get; init; } = 10_000;

    /// <summary>Priority changes per schedule (prioritization) or delays per schedule (delay bounding); the portfolio keeps Coyote's own bounds.</summary>
    public int StrategyBound { get; init; } = 10;

    /// <summary>
    /// The most preemptions (switches away from a task that could go on) in a schedule of the
    /// <see cref="ExplorationStrategy.Exhaustive"/> search; null for no bound. Most concurrency bugs need
    /// one or two (CHESS's finding), and each more multiplies the schedules.
    /// </summary>
    public int? PreemptionBound { get; init; }

    /// <summary>
    /// The <see cref="ExplorationStrategy.Exhaustive"/> search without a <see cref="PreemptionBound"/> skips the
    /// schedules that differ from one it ran only in the order of steps of different tasks on different
    /// primitives (sleep sets), and counts one schedule of each class of such equivalent ones. Sound only when
    /// the tasks share state through Interleave's primitives and <c>Shared&lt;T&gt;</c> alone: a plain field one
    /// task writes and another reads, or a <c>CancellationTokenSource</c> one cancels while another checks its
    /// token, can make the skipped order the one with the bug. Off by default.
    /// </summary>
    public bool SleepSets { get; init; }

    /// <summary>
    /// Stop starting new schedules after this long (a schedule that has started runs to its end); null for no limit.
    /// The report then says <see cref="ExplorationReport.TimedOut"/>.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// How long to shrink a failing schedule before reporting it (see <see cref="Minimization"/>): the fewest
    /// preemptions, then the fewest steps, that show the same bug, searched on the native engine; null (the
    /// default) reports the schedule as found. The command line shrinks for 10 seconds unless told
    /// <c>--no-minimize</c>.
    /// </summary>
    public TimeSpan? MinimizeFor { get; init; }

    /// <summary>
    /// Coyote engines to run side by side in this process, each taking the next chunk of schedules of the
    /// same seed, so the run explores the same schedules as one engine would, sooner (exactly the same for
    /// random and probabilistic and for the portfolio's turns of them, each chunk being whole turns of its
    /// four strategies; prioritization and delay-bounding adapt to the schedule length each engine has seen,
    /// so theirs differ a little). Ignored (one engine)
    /// when the test's assembly has <c>[TestInit]</c>, <c>[TestIterationDispose]</c> or <c>[TestDispose]</c>
    /// methods: they keep state in statics from one schedule to the next.
    /// </summary>
    public int ParallelEngines { get; init; } = 1;

    /// <summary>
    /// The name written into the trace and checked on replay; defaults to the test method's
    /// Namespace.Type.Method (a lambda's is the compiler's, so name it when the test is a lambda).
    /// </summary>
    public string? TestName { get; init; }

    /// <summary>
    /// Schedules of the seed to skip: the run explores schedules FirstSchedule + 1 to FirstSchedule +
    /// <see cref="Iterations"/> of <see cref="Seed"/> (required), as a longer run from schedule 1 would:
    /// exactly for random and probabilistic; for the portfolio when FirstSchedule is a multiple of its four
    /// strategies, and then exactly in their random and probabilistic turns (prioritization and
    /// delay-bounding adapt to the schedules their engine has seen, so theirs differ a little). Shards of one
    /// run take disjoint ranges this way.
    /// </summary>
    public int FirstSchedule { get; init; }

    /// <summary>What a data race or an atomicity violation on a <c>Shared&lt;T&gt;</c> cell does: fail the schedule (the default), warn, or nothing.</summary>
    public RaceChecking Races { get; init; } = RaceChecking.Fail;

    /// <summary>Told the number of schedules started so far each time one starts (on the engine's thread): for progress displays.</summary>
    public IProgress<int>? Progress { get; init; }

    /// <summary>A trace to replay (the text of a <c>.trace</c> file) instead of exploring.</summary>
    public string? ReplayTrace { get; init; }

    /// <summary>
    /// For the harness's own tests: told the primitive events of each schedule as it ends (on one engine, in
    /// schedule order; a failing schedule's events end at the failure).
    /// </summary>
    internal Action<IReadOnlyList<PrimitiveEvent>>? ScheduleRecorded { get; init; }

    /// <summary>
    /// For the harness's own tests: applied to the words of every finding and explanation of the harness's own,
    /// to show that no verdict depends on them.
    /// </summary>
    internal Func<string, string>? Reword { get; init; }
}
