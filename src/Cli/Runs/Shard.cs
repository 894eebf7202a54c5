using System.Globalization;

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

    /// <summary>This shard's schedules of a run of <paramref name="iterations"/>: how many to skip, how many to run.</summary>
    /// <exception cref="UsageException">The run has fewer schedules than shards, leaving this one empty.</exception>
    internal (int First, int Count) Range(int iterations)
    {
        var first = (int)((long)(Index - 1) * iterations / Count);
        var end = (int)((long)Index * iterations / Count);
        return end > first
            ? (first, end - first)
            : throw new UsageException($"--shard {this} gets no schedules: {iterations} iterations cannot be split {Count} ways.");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
