using Interleave.Bench.TimeToBug;
using Interleave.Harness;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// The selectively uniform walk on the bench's status board (bench/TimeToBug): it finds the short task's
/// write after every step of the long one, which a uniform random walk misses, and replays it; the correct
/// twin is clean under it and under Coyote's engine.
/// </summary>
public sealed class StatusBoardTests
{
    private const uint Seed = 1;

    private static readonly ExplorationOptions UniformWalk = new()
    {
        Engine = SchedulingEngine.Native,
        Strategy = ExplorationStrategy.SelectivelyUniformWalk,
        Seed = Seed,
    };

    [Fact]
    public void DownWrittenBlind_SelectivelyUniformWalk_FindsTheLateWriteAndReplaysIt()
    {
        var report = Explorer.Run(StatusBoard.DownWrittenBlind, UniformWalk with { Iterations = 300 });

        Assert.Equal(Verdict.AssertionFailure, report.Verdict);
        Assert.Contains("The board says 'down' after 25 beats", report.Message, StringComparison.Ordinal);
        Assert.Equal(report.Account, Explorer.Replay(StatusBoard.DownWrittenBlind, report.Trace).Account);
    }

    // The check writes within its first few turns under a uniform walk: after all 75 of the worker's steps
    // with a chance of about 2^-25, so never in these schedules.
    [Fact]
    public void DownWrittenBlind_Random_MissesIt()
    {
        var report = Explorer.Run(StatusBoard.DownWrittenBlind, UniformWalk with { Strategy = ExplorationStrategy.Random, Iterations = 2000 });

        Assert.False(report.BugFound, report.ToString());
    }

    [Theory]
    [InlineData(SchedulingEngine.Native, ExplorationStrategy.SelectivelyUniformWalk, 1000)]
    [InlineData(SchedulingEngine.Coyote, ExplorationStrategy.Portfolio, 300)]
    public void DownWrittenIfNoBeat_NoBug(SchedulingEngine engine, ExplorationStrategy strategy, int schedules)
    {
        var report = Explorer.Run(StatusBoard.DownWrittenIfNoBeat, UniformWalk with { Engine = engine, Strategy = strategy, Iterations = schedules });

        Assert.False(report.BugFound, report.ToString());
        Assert.Equal(schedules, report.IterationsRun);
    }
}
