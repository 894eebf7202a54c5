using System.Diagnostics;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Harness;

/// <summary>
/// Measures schedules per second of <see cref="Explorer"/> against a bare Coyote <c>TestingEngine</c> on
/// the same test, strategy and seed, in the same process: what our recording and accounting cost.
/// </summary>
public static class Throughput
{
    /// <summary>
    /// Runs <paramref name="test"/> for <paramref name="iterations"/> schedules each way, alternating bare
    /// engine, harness and harness without race detection for <paramref name="rounds"/> rounds, and reports the median rate of each: taking
    /// turns cancels the drift of a busy machine, the median its outliers.
    /// </summary>
    /// <param name="test">A test without bugs (a bug would stop a run early).</param>
    /// <param name="iterations">Schedules per measurement.</param>
    /// <param name="seed">The seed both runs use, so they explore the same schedules.</param>
    /// <param name="rounds">Measurements of each; odd, so the median is one of them.</param>
    /// <returns>
    /// Schedules per second for the bare engine, for the harness, and for the harness without its data-race
    /// detector (<see cref="ExplorationOptions.Races"/> off).
    /// </returns>
    public static (double BareEngine, double Harness, double HarnessWithoutRaceDetector) Measure(Func<Task> test, int iterations = 500, uint seed = 1, int rounds = 3)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);

        // Warm up both paths (JIT, Coyote's one-time set-up) so neither pays it inside the measurement.
        Bare(test, 20, seed);
        Harness(test, 20, seed, detectRaces: true);
        Harness(test, 20, seed, detectRaces: false);

        var bare = new double[rounds];
        var harness = new double[rounds];
        var withoutRaces = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            bare[round] = Bare(test, iterations, seed);
            harness[round] = Harness(test, iterations, seed, detectRaces: true);
            withoutRaces[round] = Harness(test, iterations, seed, detectRaces: false);
        }

        return (Median(bare), Median(harness), Median(withoutRaces));
    }

    private static double Harness(Func<Task> test, int iterations, uint seed, bool detectRaces)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = Explorer.Run(test, new ExplorationOptions { Iterations = iterations, Seed = seed, Races = detectRaces ? RaceChecking.Fail : RaceChecking.Off });
        return report.IterationsRun / stopwatch.Elapsed.TotalSeconds;
    }

    private static double Bare(Func<Task> test, int iterations, uint seed)
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
        var explored = engine.TestReport.NumOfExploredFairPaths + engine.TestReport.NumOfExploredUnfairPaths;
        return explored / stopwatch.Elapsed.TotalSeconds;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values[values.Length / 2];
    }
}
