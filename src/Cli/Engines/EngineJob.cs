using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Cli.Engines;

/// <summary>
/// One test for an engine process to explore, with every option it needs, sent as one line of JSON
/// (<see cref="EngineProtocol"/>): the process parses no command line of the run.
/// </summary>
/// <param name="Test">The test's full name (Namespace.Type.Method).</param>
/// <param name="FirstSchedule">Schedules of the seed to skip: the range starts after them.</param>
/// <param name="Iterations">Schedules in the range.</param>
/// <param name="Strategy">The scheduling strategy.</param>
/// <param name="Engine">The scheduler.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="MaxSteps">The step bound of a schedule.</param>
/// <param name="Races">What a data race or an atomicity violation does.</param>
/// <param name="Timeout">The time budget of the range, if any.</param>
/// <param name="OutDir">Where the bug's files go.</param>
/// <param name="PreemptionBound">The exhaustive search's preemption bound; null for none.</param>
/// <param name="SleepSets">Whether the exhaustive search prunes with sleep sets.</param>
/// <param name="MinimizeFor">How long to shrink a failing schedule; null to report it as found.</param>
internal sealed record EngineJob(
    string Test,
    int FirstSchedule,
    int Iterations,
    ExplorationStrategy Strategy,
    SchedulingEngine Engine,
    uint Seed,
    int MaxSteps,
    RaceChecking Races,
    TimeSpan? Timeout,
    string OutDir,
    int? PreemptionBound = null,
    bool SleepSets = false,
    TimeSpan? MinimizeFor = null)
{
    /// <summary>The job of exploring <paramref name="test"/> as <paramref name="exploration"/> says, its files to <paramref name="outDir"/>.</summary>
    internal static EngineJob For(TestCase test, ExplorationOptions exploration, string outDir) => new(
        test.FullName,
        exploration.FirstSchedule,
        exploration.Iterations,
        exploration.Strategy,
        exploration.Engine,
        exploration.Seed ?? throw new ArgumentException("A run's exploration always has its seed.", nameof(exploration)),
        exploration.MaxSteps,
        exploration.Races,
        exploration.Timeout,
        outDir,
        exploration.PreemptionBound,
        exploration.SleepSets,
        exploration.MinimizeFor);

    /// <summary>The options to explore the job with.</summary>
    internal ExplorationOptions Exploration => new()
    {
        FirstSchedule = FirstSchedule,
        Iterations = Iterations,
        Strategy = Strategy,
        Engine = Engine,
        Seed = Seed,
        MaxSteps = MaxSteps,
        Races = Races,
        Timeout = Timeout,
        PreemptionBound = PreemptionBound,
        SleepSets = SleepSets,
        MinimizeFor = MinimizeFor,
    };
}
