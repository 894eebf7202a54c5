namespace Interleave.Harness.Exploration;

/// <summary>
/// Where a range of schedules may start so that it explores what one engine running from schedule 1 would.
/// Coyote adds one to the seed at every schedule, so for the random family a range from schedule k + 1
/// started at seed s + k repeats the whole run's schedules; the portfolio also takes its strategies in turn,
/// starting each engine at the first, so a range repeats them only when it starts at a whole turn.
/// </summary>
internal static class StrategyTurns
{
    /// <summary>Coyote's portfolio: random, probabilistic, prioritization, delay-bounding.</summary>
    private const int PortfolioTurn = 4;

    /// <summary>The schedules of one turn of <paramref name="strategy"/>: a range should start at a multiple of it.</summary>
    internal static int Length(ExplorationStrategy strategy) => strategy == ExplorationStrategy.Portfolio ? PortfolioTurn : 1;

    /// <summary><paramref name="schedules"/> rounded down to a whole number of turns of <paramref name="strategy"/>.</summary>
    internal static int RoundDown(int schedules, ExplorationStrategy strategy) => schedules / Length(strategy) * Length(strategy);
}
