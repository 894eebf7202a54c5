using System.Text.Json.Nodes;
using Interleave.Harness;
using Interleave.Harness.Findings;
using Interleave.Primitives;
using Interleave.Scenarios;
using Microsoft.Coyote.Specifications;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// What the native engine adds to or changes from Coyote's: its verdicts on programs built to show each, its
/// traces (exact, and refused naming the step when they no longer fit), and what it refuses to run.
/// </summary>
public class NativeEngineTests
{
    private static readonly ExplorationOptions Native = new() { Engine = SchedulingEngine.Native, Iterations = 200, Seed = 3 };

    [Fact]
    public void AssertionInATaskNobodyAwaits_FailsTheScheduleThere()
    {
        var report = Explorer.Run(
            async () =>
            {
                var gate = new AsyncEvent("gate");
                _ = ControlledTask.Run(
                    async () =>
                    {
                        await gate.WaitAsync();
                        Specification.Assert(false, "the checker saw the gate open");
                    },
                    "checker");
                gate.Set();
                await ControlledTask.Yield();
            },
            Native);

        var failure = Assert.IsType<AssertionFailureFinding>(report.Finding);
        Assert.Equal("the checker saw the gate open", failure.Message);
    }

    [Fact]
    public void ExceptionOutOfTheTest_IsAnUnhandledException()
    {
        var report = Explorer.Run(
            async () =>
            {
                await ControlledTask.Run(async () => await ControlledTask.Yield(), "worker");
                throw new InvalidOperationException("the worker left nothing to do");
            },
            Native);

        Assert.Equal(Verdict.UnhandledException, report.Verdict);
        Assert.Equal("Unhandled exception. System.InvalidOperationException: the worker left nothing to do", report.Message);
    }

    [Fact]
    public void CorrectProgram_PassesEverySchedule_AndEachScheduleTakesSteps()
    {
        var report = Explorer.Run(ScenarioCatalog.All.Single(s => s.Name == "locks.consistent-order").Test, Native with { Iterations = 500 });

        Assert.False(report.BugFound, report.ToString());
        Assert.Equal(500, report.IterationsRun);
        Assert.True(report.StepsExplored > 500 * 5, $"{report.StepsExplored} steps in 500 schedules");
    }

    [Fact]
    public void SameSeed_ExploresTheSameSchedules()
    {
        var first = new List<string>();
        var second = new List<string>();
        var test = ScenarioCatalog.All.Single(s => s.Name == "buffer.while-guarded-wait").Test;

        Explorer.Run(test, Native with { Iterations = 30, ScheduleRecorded = events => first.Add(string.Join('|', events)) });
        Explorer.Run(test, Native with { Iterations = 30, ScheduleRecorded = events => second.Add(string.Join('|', events)) });

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 1, "every schedule was the same");
    }

    [Fact]
    public void ATraceThatNoLongerFits_IsRefusedNamingTheStep()
    {
        var test = ScenarioCatalog.All.Single(s => s.Name == "locks.opposite-order").Test;
        var report = Explorer.Run(test, Native);
        var trace = JsonNode.Parse(report.Trace)!.AsObject();
        var steps = trace["Steps"]!.AsArray();
        steps[2] = 999;

        var error = Assert.Throws<TraceException>(() => Explorer.Replay(test, trace.ToJsonString()));

        Assert.StartsWith("The schedule diverged from the trace at step 3 (the trace runs operation 999, but the enabled operations are ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACoyoteTrace_ReplaysOnCoyote_ANativeTraceOnTheNativeEngine()
    {
        var test = ScenarioCatalog.All.Single(s => s.Name == "buffer.if-guarded-wait").Test;
        var coyote = Explorer.Run(test, Native with { Engine = SchedulingEngine.Coyote });
        var native = Explorer.Run(test, Native);

        Assert.Equal(coyote.Account, Explorer.Replay(test, coyote.Trace).Account);
        Assert.Equal(native.Account, Explorer.Replay(test, native.Trace).Account);
        Assert.Equal("Native", JsonNode.Parse(native.Trace)!["Engine"]!.ToString());
        Assert.Null(JsonNode.Parse(coyote.Trace)!["Engine"]);
    }

    [Fact]
    public void PollingLoopThatNeverEnds_IsAHangAtTheStepBound()
    {
        var report = Explorer.Run(async () => await PollingLoopAsync(turns: int.MaxValue), Native with { Iterations = 1, MaxSteps = 100, Races = RaceChecking.Off });

        var hang = Assert.IsType<HangFinding>(report.Finding);
        Assert.Equal("Scheduling steps bound of 1000 reached.", hang.Message);
        Assert.Equal(1000, report.StepsExplored);
    }

    [Fact]
    public void PollingLoopThatEnds_IsNoHang()
    {
        var report = Explorer.Run(async () => await PollingLoopAsync(turns: 20), Native with { MaxSteps = 100, Races = RaceChecking.Off });

        Assert.False(report.BugFound, report.ToString());
    }

    [Fact]
    public void AStrategyTheNativeEngineLacks_IsRefusedByName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Explorer.Run(() => Task.CompletedTask, Native with { Strategy = ExplorationStrategy.DelayBounding }));

        Assert.Contains("The native engine has the strategies Random, Probabilistic, PartialOrderSampling, SelectivelyUniformWalk, Prioritization, Portfolio, Exhaustive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialOrderSamplingOnCoyotesEngine_IsRefusedByName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Explorer.Run(() => Task.CompletedTask, Native with { Engine = SchedulingEngine.Coyote, Strategy = ExplorationStrategy.PartialOrderSampling }));

        Assert.Contains("Partial order sampling runs on the native engine only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectivelyUniformWalkOnCoyotesEngine_IsRefusedByName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Explorer.Run(() => Task.CompletedTask, Native with { Engine = SchedulingEngine.Coyote, Strategy = ExplorationStrategy.SelectivelyUniformWalk }));

        Assert.Contains("The selectively uniform walk runs on the native engine only", error.Message, StringComparison.Ordinal);
    }

    // A supervisor polls a flag (unsynchronized: the races are off) every virtual millisecond while a worker counts its turns down and then sets it.
    private static async Task PollingLoopAsync(int turns)
    {
        var done = new Shared<bool>(false, "done");
        var worker = ControlledTask.Run(
            async () =>
            {
                for (var turn = 0; turn < turns; turn++)
                {
                    await ControlledTask.Delay(TimeSpan.FromMilliseconds(1));
                }

                done.Write(true);
            },
            "worker");
        while (!done.Read())
        {
            await ControlledTask.Delay(TimeSpan.FromMilliseconds(1));
        }

        await worker;
    }
}
