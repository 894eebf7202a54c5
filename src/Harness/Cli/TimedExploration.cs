using System.Diagnostics;

namespace Interleave.Harness.Cli;

/// <summary>
/// Runs <see cref="Explorer.Run(Func{Task}, ExplorationOptions?)"/> under a time budget: in growing batches
/// of iterations, checking the clock between batches. A batch that has started runs to its end, so a run
/// can overshoot the budget by one batch (the batches stay short: at most a tenth of the iterations).
/// </summary>
internal static class TimedExploration
{
    // Far-apart seeds per batch: with the random family, consecutive seeds explore shifted copies of the
    // same schedules (see DESIGN.md), so batch k uses seed + k * 2^32/phi.
    private const uint SeedStride = 2_654_435_769;

    /// <summary>What the run found, and whether the budget ran out before the iterations did.</summary>
    internal static (ExplorationReport Report, bool TimedOut) Run(Func<Task> test, ExplorationOptions options, TimeSpan? timeout)
    {
        if (timeout is not { } budget)
        {
            return (Explorer.Run(test, options), false);
        }

        var stopwatch = Stopwatch.StartNew();
        var baseSeed = options.Seed ?? (uint)Random.Shared.NextInt64(0, uint.MaxValue);
        var maxBatch = Math.Max(1, options.Iterations / 10);
        var batchSize = Math.Min(10, maxBatch);
        var done = 0;
        for (var batch = 0u; done < options.Iterations; batch++)
        {
            if (stopwatch.Elapsed >= budget)
            {
                return (new ExplorationReport(Verdict.NoBug, done, string.Empty, string.Empty, stopwatch.Elapsed), true);
            }

            var size = Math.Min(batchSize, options.Iterations - done);
            var report = Explorer.Run(test, options with { Iterations = size, Seed = unchecked(baseSeed + (batch * SeedStride)) });
            done += report.IterationsRun;
            if (report.BugFound)
            {
                return (report with { IterationsRun = done, Elapsed = stopwatch.Elapsed }, false);
            }

            batchSize = Math.Min(batchSize * 2, maxBatch);
        }

        return (new ExplorationReport(Verdict.NoBug, done, string.Empty, string.Empty, stopwatch.Elapsed), false);
    }
}
