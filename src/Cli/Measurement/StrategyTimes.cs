using Interleave.Harness;

namespace Interleave.Cli.Measurement;

/// <summary>One exploration of a test: whether it found the bug, the schedules it ran and its wall time.</summary>
/// <param name="Found">True when a schedule showed the bug.</param>
/// <param name="Schedules">The schedules run: up to and including the failing one, or the whole budget.</param>
/// <param name="Elapsed">Wall time of the exploration, the engine's set-up included.</param>
internal readonly record struct BugHunt(bool Found, int Schedules, TimeSpan Elapsed);

/// <summary>What one strategy of one engine took to find a test's bug, seed by seed, and the medians over the seeds.</summary>
/// <param name="Engine">The engine.</param>
/// <param name="Strategy">The strategy.</param>
/// <param name="Hunts">One exploration per seed, in seed order.</param>
/// <remarks>
/// A seed that missed the bug counts as what it ran (the whole budget) and ranks after every find, so a
/// median is a find's only when at least half the seeds found the bug (<see cref="MedianFound"/>); else
/// it is a lower bound.
/// </remarks>
internal sealed record StrategyTimes(SchedulingEngine Engine, ExplorationStrategy Strategy, IReadOnlyList<BugHunt> Hunts)
{
    /// <summary>The seeds that found the bug.</summary>
    public int Found => Hunts.Count(h => h.Found);

    /// <summary>True when the median seed (both middle seeds, for an even count) found the bug: at least half of them did.</summary>
    public bool MedianFound => Middle(h => h.Schedules).All(h => h.Found);

    /// <summary>The median of the schedules run.</summary>
    public double MedianSchedules => Middle(h => h.Schedules).Average(h => h.Schedules);

    /// <summary>The median of the wall times.</summary>
    public TimeSpan MedianElapsed => TimeSpan.FromTicks((long)Middle(h => h.Elapsed.Ticks).Average(h => h.Elapsed.Ticks));

    // The middle one or two explorations by the key, the misses ranked after every find.
    private BugHunt[] Middle(Func<BugHunt, double> key)
    {
        var ranked = Hunts.OrderBy(h => h.Found ? 0 : 1).ThenBy(key).ToArray();
        return ranked.Length % 2 == 1
            ? [ranked[ranked.Length / 2]]
            : [ranked[(ranked.Length / 2) - 1], ranked[ranked.Length / 2]];
    }
}
