using System.Globalization;
using Interleave.Harness;
using Interleave.Harness.Exploration;

namespace Interleave.Cli.Runs;

/// <summary>
/// <c>--shard K/N</c>: the K-th of N disjoint ranges of the schedules of one seed. Ranges, not seeds: with
/// the random family seed s + 1 explores what seed s explores one iteration later (docs/ARCHITECTURE.md), so shards
/// on consecutive seeds would mostly repeat each other.
/// </summary>
/// <param name="Index">K, from 1.</param>
/// <param name="Count">N.</param>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>Parses "K/N".</summary>
    /// <exception cref="UsageException">Not two whole numbers with 1 &lt;= K &lt;= N.</exception>
    internal static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }

        throw new UsageException($"--shard takes K/N with 1 <= K <= N, e.g. 2/4, not '{text}'.");
    }

    /// <summary>
    /// This shard's schedules of a run of <paramref name="iterations"/> of <paramref name="strategy"/>: how many
    /// to skip, how many to run. Each range starts at a whole turn of the strategy (the portfolio's four), so
    /// that it takes the strategies in the order of the unsharded run.
    /// </summary>
    /// <exception cref="UsageException">The run has too few schedules for this shard to get any.</exception>
    internal (int First, int Count) Range(int iterations, ExplorationStrategy strategy)
    {
        var first = Boundary(Index - 1, Count, iterations, strategy);
        var end = Boundary(Index, Count, iterations, strategy);
        return end > first
            ? (first, end - first)
            : throw new UsageException($"--shard {this} gets no schedules: {iterations} iterations cannot be split {Count} ways{InWholeTurns(strategy)}.");
    }

    private static string InWholeTurns(ExplorationStrategy strategy) =>
        StrategyTurns.Length(strategy) == 1 ? string.Empty : $" in whole turns of the {StrategyTurns.Length(strategy)} strategies of the portfolio";

    // Where shard index + 1 of count starts (the last one ends at the run's end).
    private static int Boundary(int index, int count, int iterations, ExplorationStrategy strategy) =>
        index == count ? iterations : StrategyTurns.RoundDown((int)((long)index * iterations / count), strategy);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
