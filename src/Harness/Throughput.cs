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
    /// <summary>Runs <paramref name="test"/> for <paramref name="iterations"/> schedules each way, bare engine first, and reports both rates.</summary>
    /// <param name="test">A test without bugs (a bug would stop a run early).</param>
    /// <param name="iterations">Schedules per measurement.</param>
    /// <param name="seed">The seed both runs use, so they explore the same schedules.</param>
    /// <returns>Schedules per second for the bare engine and for the harness.</returns>
    public static (double BareEngine, double Harness) Measure(Func<Task> test, int iterations = 500, uint seed = 1)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);

        // Warm up both paths (JIT, Coyote's one-time set-up) so neither pays it inside the measurement.
        Bare(test, 20, seed);
        Explorer.Run(test, new ExplorationOptions { Iterations = 20, Seed = seed });

        var bare = Bare(test, iterations, seed);
        var stopwatch = Stopwatch.StartNew();
        var report = Explorer.Run(test, new ExplorationOptions { Iterations = iterations, Seed = seed });
        var harness = report.IterationsRun / stopwatch.Elapsed.TotalSeconds;
        return (bare, harness);
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
}
