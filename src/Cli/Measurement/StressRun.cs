using System.Diagnostics;

namespace Interleave.Cli.Measurement;

/// <summary>
/// The baseline a systematic tester is measured against: the same test run on real threads, over and
/// over, until a run fails or the budget is spent (what a stress test in CI does).
/// </summary>
public static class StressRun
{
    /// <summary>
    /// Runs <paramref name="test"/> on the thread pool until a run throws, or outlives
    /// <paramref name="hangAfter"/> (a deadlock or a hang), or <paramref name="maxRuns"/> runs or
    /// <paramref name="budget"/> pass.
    /// </summary>
    /// <param name="test">The test; outside a systematic test its tasks are plain thread-pool tasks.</param>
    /// <param name="maxRuns">The most runs.</param>
    /// <param name="budget">The most time for all runs.</param>
    /// <param name="hangAfter">How long one run may take before it counts as hung.</param>
    /// <returns>The runs made, whether the last one failed, how, and the time taken.</returns>
    public static StressResult Run(Func<Task> test, int maxRuns, TimeSpan budget, TimeSpan hangAfter)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRuns, 1);
        var clock = Stopwatch.StartNew();
        var runs = 0;
        while (runs < maxRuns && clock.Elapsed < budget)
        {
            runs++;
            var run = Task.Run(test);
            try
            {
                if (!run.Wait(hangAfter))
                {
                    // The hung run's tasks stay blocked; a stress test can only walk away from them.
                    return new StressResult(runs, $"hung for {hangAfter.TotalSeconds:F0} s", clock.Elapsed);
                }
            }
            catch (AggregateException failure)
            {
                var cause = failure.Flatten().InnerExceptions[0];
                return new StressResult(runs, $"{cause.GetType().Name}: {cause.Message}", clock.Elapsed);
            }
        }

        return new StressResult(runs, null, clock.Elapsed);
    }
}
