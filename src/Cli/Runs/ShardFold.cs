namespace Interleave.Cli.Runs;

/// <summary>
/// One test's results over disjoint ranges of the schedules of one seed, folded into the result one run over
/// all of them would have given: the shards of <c>merge</c>, and the ranges of <c>test -p N</c> on one test.
/// </summary>
internal static class ShardFold
{
    /// <summary>
    /// The bug is the lowest-numbered failing schedule of any range, as the whole run would have reported it;
    /// schedules and times add up; the run timed out if any range did; race warnings are the distinct ones of all.
    /// </summary>
    /// <param name="ranges">The test's results, one per range, at least one.</param>
    internal static TestResult Fold(IReadOnlyList<TestResult> ranges)
    {
        var bug = ranges.Where(r => r.Failed).MinBy(r => r.FailingSchedule);
        return (bug ?? ranges[0]) with
        {
            SchedulesRun = ranges.Sum(r => r.SchedulesRun),
            ElapsedMilliseconds = ranges.Sum(r => r.ElapsedMilliseconds),
            TimedOut = ranges.Any(r => r.TimedOut),
            RaceWarnings = [.. ranges.SelectMany(r => r.RaceWarnings).DistinctBy(w => w.Message)],
        };
    }
}
