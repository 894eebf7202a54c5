using System.Diagnostics;
using Interleave.Harness;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Cli.Measurement;

/// <summary>
/// Measures schedules per second of <see cref="Explorer"/> against a bare Coyote <c>TestingEngine</c> on
/// the same test, strategy (random) and seed, in the same process: what our recording and accounting cost;
/// and the harness on the native engine against the harness on Coyote's.
/// </summary>
public static class Throughput
{
    /// <summary>
    /// Runs <paramref name="test"/> for <paramref name="iterations"/> schedules each way (bare engine, harness,
    /// harness without race checks, harness on <paramref name="parallelEngines"/> engines, harness on the
    /// native engine), taking turns for
    /// <paramref name="rounds"/> rounds, and reports the median rate of each: taking turns cancels the drift of
    /// a busy machine, the median its outliers.
    /// </summary>
    /// <param name="test">A test without bugs (a bug would stop a run early).</param>
    /// <param name="iterations">Schedules per measurement.</param>
    /// <param name="seed">The seed every run uses, so they explore the same schedules.</param>
    /// <param name="rounds">Measurements of each; odd, so the median is one of them.</param>
    /// <param name="parallelEngines">Engines side by side for the parallel measurement; 0 means one per processor.</param>
    /// <returns>The medians.</returns>
    public static ThroughputResult Measure(Func<Task> test, int iterations = 500, uint seed = 1, int rounds = 3, int parallelEngines = 0) =>
        Measure(test, iterations, seed, rounds, parallelEngines, engineProcesses: null);

    /// <summary>
    /// <see cref="Measure(Func{Task}, int, uint, int, int)"/>, and, in the same turns, <paramref name="engineProcesses"/>:
    /// a run of the given schedules in the given number of engine processes (<c>interleave test -p N</c>, and
    /// <c>-p 1</c> in a process of its own for one), returning its wall-clock time.
    /// </summary>
    internal static ThroughputResult Measure(Func<Task> test, int iterations, uint seed, int rounds, int parallelEngines, Func<int, int, TimeSpan>? engineProcesses)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(parallelEngines);
        var engines = parallelEngines == 0 ? Environment.ProcessorCount : parallelEngines;

        // Warm up every path (JIT, Coyote's one-time set-up) so none pays it inside the measurement.
        Bare(test, 20, seed);
        Harness(test, 20, seed, RaceChecking.Fail, 1);
        Harness(test, 20, seed, RaceChecking.Off, 1);
        Harness(test, 20, seed, RaceChecking.Fail, engines);
        Harness(test, 20, seed, RaceChecking.Fail, 1, SchedulingEngine.Native);

        var bare = new Rate[rounds];
        var harness = new Rate[rounds];
        var withoutRaces = new Rate[rounds];
        var parallel = new Rate[rounds];
        var native = new Rate[rounds];
        var processes = new double[rounds];
        var oneProcess = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            bare[round] = Bare(test, iterations, seed);
            harness[round] = Harness(test, iterations, seed, RaceChecking.Fail, 1);
            withoutRaces[round] = Harness(test, iterations, seed, RaceChecking.Off, 1);
            parallel[round] = Harness(test, iterations, seed, RaceChecking.Fail, engines);
            native[round] = Harness(test, iterations, seed, RaceChecking.Fail, 1, SchedulingEngine.Native);
            processes[round] = engineProcesses is null ? double.NaN : iterations / engineProcesses(iterations, engines).TotalSeconds;
            oneProcess[round] = engineProcesses is null ? double.NaN : iterations / engineProcesses(iterations, 1).TotalSeconds;
        }

        return new ThroughputResult(
            Median(bare, r => r.Schedules),
            Median(harness, r => r.Schedules),
            Median(withoutRaces, r => r.Schedules),
            Median(parallel, r => r.Schedules),
            engines,
            Median(bare, r => r.Steps),
            Median(harness, r => r.Steps))
        {
            HarnessInProcesses = Median(processes, rate => rate),
            HarnessInOneProcess = Median(oneProcess, rate => rate),
            Native = Median(native, r => r.Schedules),
            NativeSteps = Median(native, r => r.Steps),
        };
    }

    private static Rate Harness(Func<Task> test, int iterations, uint seed, RaceChecking races, int engines, SchedulingEngine engine = SchedulingEngine.Coyote)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = Explorer.Run(test, new ExplorationOptions
        {
            Iterations = iterations,
            Seed = seed,
            Races = races,
            ParallelEngines = engines,
            Strategy = ExplorationStrategy.Random,
            Engine = engine,
        });
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new Rate(report.IterationsRun / seconds, report.StepsExplored / seconds);
    }

    private static Rate Bare(Func<Task> test, int iterations, uint seed)
    {
        var configuration = Configuration.Create()
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(VerbosityLevel.None)
            .WithTestingIterations((uint)iterations)
            .WithRandomGeneratorSeed(seed)
            .WithRandomStrategy();
        var stopwatch = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(configuration, test);
        engine.SetLogger(new TextWriterLogger(TextWriter.Null, VerbosityLevel.None));
        engine.Run();
        var report = engine.TestReport;
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new Rate(
            (report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths) / seconds,
            ((long)report.TotalExploredFairSteps + report.TotalExploredUnfairSteps) / seconds);
    }

    /// <summary>The median of <paramref name="of"/> over <paramref name="rates"/> (the upper one of an even count).</summary>
    internal static double Median<T>(T[] rates, Func<T, double> of)
    {
        var values = rates.Select(of).Order().ToArray();
        return values[values.Length / 2];
    }

    // One measurement: schedules and scheduling steps per second.
    private readonly record struct Rate(double Schedules, double Steps);
}
