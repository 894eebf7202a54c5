using System.Diagnostics;
using Interleave.Harness;
using Interleave.Harness.Findings;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Cli.Measurement;

/// <summary>
/// Measures what it costs an engine to reach a hang: one schedule of <see cref="PollingLoop"/> at a given
/// step bound (random strategy, races off), its wall-clock time and the steps it took to be called a hang.
/// The cost of a step should not grow with the schedule: a linear engine's microseconds per step are the same
/// at 10,000 steps as at 1,000.
/// </summary>
internal static class HangCost
{
    /// <summary>
    /// Runs one schedule of the polling loop at <paramref name="maxSteps"/> on <paramref name="engine"/>
    /// <paramref name="rounds"/> times (after one warm-up at a small bound) and reports the median time.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schedule ended in something other than a hang.</exception>
    internal static HangCostResult Measure(SchedulingEngine engine, int maxSteps, uint seed, int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        Run(engine, Math.Min(maxSteps, 100), seed);
        var runs = new HangCostResult[rounds];
        for (var round = 0; round < rounds; round++)
        {
            runs[round] = Run(engine, maxSteps, seed);
        }

        return runs.OrderBy(run => run.Elapsed).ElementAt(rounds / 2);
    }

    /// <summary>
    /// The same schedule on a bare Coyote <c>TestingEngine</c> (the harness's configuration, none of its
    /// recording): what of the cost is Coyote's own.
    /// </summary>
    internal static HangCostResult MeasureBare(int maxSteps, uint seed, int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        Bare(Math.Min(maxSteps, 100), seed);
        var runs = new HangCostResult[rounds];
        for (var round = 0; round < rounds; round++)
        {
            runs[round] = Bare(maxSteps, seed);
        }

        return runs.OrderBy(run => run.Elapsed).ElementAt(rounds / 2);
    }

    private static HangCostResult Bare(int maxSteps, uint seed)
    {
        var configuration = Configuration.Create()
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(VerbosityLevel.None)
            .WithTraceAnalysisEnabled(false)
            .WithTestingIterations(1)
            .WithMaxSchedulingSteps((uint)maxSteps)
            .WithFailureOnMaxStepsBoundEnabled(true)
            .WithRandomGeneratorSeed(seed)
            .WithRandomStrategy();
        var stopwatch = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(configuration, PollingLoop.NeverEndingAsync);
        engine.SetLogger(new TextWriterLogger(TextWriter.Null, VerbosityLevel.None));
        engine.Run();
        var elapsed = stopwatch.Elapsed;
        var report = engine.TestReport;
        if (report.NumOfFoundBugs != 1)
        {
            throw new InvalidOperationException($"The polling loop that never ends should be a hang at {maxSteps} steps on a bare Coyote engine, but no bug was found.");
        }

        return new HangCostResult(SchedulingEngine.Coyote, maxSteps, (long)report.TotalExploredFairSteps + report.TotalExploredUnfairSteps, elapsed);
    }

    private static HangCostResult Run(SchedulingEngine engine, int maxSteps, uint seed)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = Explorer.Run(PollingLoop.NeverEndingAsync, new ExplorationOptions
        {
            Iterations = 1,
            Seed = seed,
            MaxSteps = maxSteps,
            Races = RaceChecking.Off,
            Strategy = ExplorationStrategy.Random,
            Engine = engine,
            TestName = "interleave.throughput.polling-loop",
        });
        var elapsed = stopwatch.Elapsed;
        if (report.Finding is not HangFinding)
        {
            throw new InvalidOperationException($"The polling loop that never ends should be a hang at {maxSteps} steps on the {engine} engine, but was: {report}");
        }

        return new HangCostResult(engine, maxSteps, report.StepsExplored, elapsed);
    }
}
