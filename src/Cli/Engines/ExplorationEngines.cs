using Interleave.Harness;
using Interleave.Cli.Runs;

namespace Interleave.Cli.Engines;

/// <summary>Which <see cref="IExplorationEngine"/> a run explores on, chosen once from its options.</summary>
internal static class ExplorationEngines
{
    /// <summary>
    /// One engine (<c>-p 1</c>): this process. Several: engine processes, each pinned to a processor of its own,
    /// which scale where Coyote engines as threads of one process do not (Coyote hands every step from thread to
    /// thread, and a hand-off to another processor costs far more than one on the same): N tests at a time, or
    /// one test's schedules split N ways (but the exhaustive search's, each of which depends on the ones before).
    /// </summary>
    /// <param name="options">The run's options.</param>
    /// <param name="tests">How many tests the run explores.</param>
    internal static IExplorationEngine For(RunOptions options, int tests) =>
        options.Parallel <= 1 ? new InProcessEngine(options)
        : tests > 1 ? new ProcessPoolEngine(options)
        : options.Exploration.Strategy == ExplorationStrategy.Exhaustive ? new InProcessEngine(options)
        : new RangeSplitEngine(options, options.Parallel);
}
