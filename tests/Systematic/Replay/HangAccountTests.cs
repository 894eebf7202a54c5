using Interleave.Harness;
using Interleave.Harness.Reports;
using Interleave.Primitives;

namespace Interleave.Tests.Systematic.Replay;

/// <summary>
/// A hang's account tells the loop once: the steps up to it, one turn, how often it came round to the step
/// bound, and what each task was doing at the end; it replays to the same account, and stays a few dozen
/// lines whatever the bound; its HTML report draws one turn of the loop.
/// </summary>
public sealed class HangAccountTests
{
    [Theory]
    [InlineData(SchedulingEngine.Coyote, 300)]
    [InlineData(SchedulingEngine.Coyote, 1000)]
    [InlineData(SchedulingEngine.Native, 300)]
    [InlineData(SchedulingEngine.Native, 1000)]
    public void SupervisorPollingForABitThatNeverComes_AccountTellsTheLoopOnce(SchedulingEngine engine, int maxSteps)
    {
        var report = Explorer.Run(SecondBitLost, new ExplorationOptions { Engine = engine, Iterations = 5, Seed = 1, MaxSteps = maxSteps, Races = RaceChecking.Off });

        Assert.Equal(Verdict.Hang, report.Verdict);
        var lines = report.Account.ReplaceLineEndings("\n").Split('\n');
        Assert.InRange(lines.Length, 10, 40);
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, $@"^\s+\.\.\. steps \d+-\d+ repeated to step {report.Events.Count}: [\d,]+ turns of the loop"));
        Assert.Contains("  worker: finished.", lines);
        Assert.Contains(lines, line => line.StartsWith("  supervisor: in the loop; its last step, ", StringComparison.Ordinal));
        Assert.Equal(report.Account, Explorer.Replay(SecondBitLost, report.Trace).Account);
    }

    [Fact]
    public void SupervisorPollingForABitThatNeverComes_ReportShowsOneTurnOfTheLoop()
    {
        var report = Explorer.Run(SecondBitLost, new ExplorationOptions { Engine = SchedulingEngine.Native, Iterations = 5, Seed = 1, MaxSteps = 1000, Races = RaceChecking.Off });

        var html = HtmlReport.Render(report, "HangAccountTests.SecondBitLost");

        var steps = System.Text.RegularExpressions.Regex.Matches(html, """<button type="button" class="step""").Count;
        Assert.InRange(steps, 5, 20);
        Assert.Contains($"repeat to step {report.Events.Count}: the timeline shows one turn of the loop.", html, StringComparison.Ordinal);
        Assert.InRange(html.Length, 1, 64 * 1024);
    }

    [Theory]
    [InlineData(SchedulingEngine.Coyote)]
    [InlineData(SchedulingEngine.Native)]
    public void SupervisorPollingForBitsThatBothCome_NoHang(SchedulingEngine engine)
    {
        var report = Explorer.Run(() => PollAsync(workerSetsBoth: true), new ExplorationOptions { Engine = engine, Iterations = 100, Seed = 1, MaxSteps = 300, Races = RaceChecking.Off });

        Assert.False(report.BugFound, report.ToString());
    }

    private static Task SecondBitLost() => PollAsync(workerSetsBoth: false);

    // The supervisor re-reads a bit mask every virtual millisecond until both bits are set; the worker sets
    // the first and, unless it loses it, the second.
    private static async Task PollAsync(bool workerSetsBoth)
    {
        var mask = new Shared<int>(0, "mask");
        var worker = ControlledTask.Run(
            async () =>
            {
                mask.Write(mask.Read() | 0b01);
                await ControlledTask.Yield();
                if (workerSetsBoth)
                {
                    mask.Write(mask.Read() | 0b10);
                }
            },
            "worker");
        var supervisor = ControlledTask.Run(
            async () =>
            {
                while (mask.Read() != 0b11)
                {
                    await ControlledTask.Delay(TimeSpan.FromMilliseconds(1));
                }
            },
            "supervisor");
        await Task.WhenAll(worker, supervisor);
    }
}
