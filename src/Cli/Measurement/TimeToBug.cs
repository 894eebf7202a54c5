using System.Diagnostics;
using Interleave.Harness;
using Interleave.Harness.Exploration;

namespace Interleave.Cli.Measurement;

/// <summary>
/// The wall time each strategy of each engine takes to find a test's bug: every strategy explores the
/// test once per seed, the strategies taking turns seed by seed, so that a machine whose speed wanders
/// slows them all alike.
/// </summary>
internal static class TimeToBug
{
    /// <summary>Explores <paramref name="test"/> under each of <paramref name="strategies"/> on each of the seeds.</summary>
    /// <param name="test">The test.</param>
    /// <param name="hooks">The set-up and tear-down hooks of the test's assembly.</param>
    /// <param name="strategies">The engines and strategies, in the order of the result.</param>
    /// <param name="seeds">The seeds, in order.</param>
    /// <param name="iterations">The most schedules of one exploration.</param>
    /// <returns>One entry per engine and strategy, its explorations in seed order.</returns>
    internal static IReadOnlyList<StrategyTimes> Measure(
        Func<Task> test, TestHooks hooks, IReadOnlyList<(SchedulingEngine Engine, ExplorationStrategy Strategy)> strategies, IReadOnlyList<uint> seeds, int iterations)
    {
        // One untimed schedule on each engine first, so that neither the first seed nor the first engine
        // measured pays for compiling the engine's code and the test's.
        foreach (var engine in strategies.Select(s => s.Engine).Distinct())
        {
            Explorer.Run(test, new ExplorationOptions { Iterations = 1, Seed = seeds[0], Engine = engine, Strategy = ExplorationStrategy.Random }, hooks);
        }

        var hunts = strategies.Select(_ => new List<BugHunt>(seeds.Count)).ToArray();
        foreach (var seed in seeds)
        {
            for (var index = 0; index < strategies.Count; index++)
            {
                var (engine, strategy) = strategies[index];
                var clock = Stopwatch.StartNew();
                var report = Explorer.Run(test, new ExplorationOptions { Iterations = iterations, Seed = seed, Engine = engine, Strategy = strategy }, hooks);
                hunts[index].Add(new BugHunt(report.BugFound, report.IterationsRun, clock.Elapsed));
            }
        }

        return strategies.Select((s, index) => new StrategyTimes(s.Engine, s.Strategy, hunts[index])).ToList();
    }
}
