using Interleave.Cli.Engines;
using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Tests.Systematic.Cli;

/// <summary>
/// How <c>test -p N</c> waits on the engine processes of one test's ranges (<see cref="RangeSplitEngine.AwaitRanges"/>),
/// with processes scripted to end when a test needs them to: real ones end when their schedules say, so the
/// order that matters here (a middle range's bug while the first range runs on) cannot be forced with them.
/// </summary>
public sealed class EngineRangeWaitTests
{
    [Fact]
    public void BugInAMiddleRange_StopsTheLaterRange_WithoutCollectingIt_AndWaitsForTheFirst()
    {
        var waits = new WaitCount();
        var first = new ScriptedRange(waits, endsAfterWaits: 3);
        var middle = new ScriptedRange(waits, endsAfterWaits: 0);
        var last = new ScriptedRange(waits, endsAfterWaits: int.MaxValue);
        TestResult[] results = [Result(10, bug: false), Result(1, bug: true)];

        // A stopped process has exited with no summary: collecting it is what fails the run for real.
        var ranges = RangeSplitEngine.AwaitRanges([first, middle, last], k => k < 2 ? results[k] : throw new InvalidOperationException("Engine process 3 failed with exit code 137"));

        Assert.True(last.Stopped);
        Assert.False(first.Stopped);
        Assert.True(first.HasExited);
        Assert.Equal(results, ranges);
    }

    [Fact]
    public void LaterRangeWithABugOfItsOwn_EndsTheResultsAtTheFirstBug()
    {
        var waits = new WaitCount();
        var ranges = RangeSplitEngine.AwaitRanges(
            [new ScriptedRange(waits, 1), new ScriptedRange(waits, 0), new ScriptedRange(waits, 0)],
            k => Result(10, bug: k > 0));

        Assert.Equal([false, true], ranges.Select(r => r.BugFound));
    }

    [Fact]
    public void NoBug_CollectsEveryRangeInOrder()
    {
        var waits = new WaitCount();
        var ranges = RangeSplitEngine.AwaitRanges(
            [new ScriptedRange(waits, 2), new ScriptedRange(waits, 0), new ScriptedRange(waits, 1)],
            k => Result(10 + k, bug: false));

        Assert.Equal([10, 11, 12], ranges.Select(r => r.SchedulesRun));
    }

    private static TestResult Result(int schedules, bool bug) =>
        new("t", "T.t", null, bug ? Verdict.AssertionFailure : Verdict.NoBug, bug ? schedules : 0, schedules, 1, false, null, string.Empty);

    // Waits on any of one run's ranges: the wait loop waits on one range and then looks at all.
    private sealed class WaitCount
    {
        internal int Value { get; set; }
    }

    // A process that ends by itself once its run has waited a number of times, or at once when stopped.
    private sealed class ScriptedRange(WaitCount waits, int endsAfterWaits) : IRangeProcess
    {
        public bool HasExited => Stopped || waits.Value >= endsAfterWaits;

        public bool Stopped { get; private set; }

        public void WaitForExit(TimeSpan timeout) => waits.Value++;

        public void Stop()
        {
            if (!HasExited)
            {
                Stopped = true;
            }
        }
    }
}
