using System.Text.RegularExpressions;
using Interleave.Harness;
using Interleave.Harness.Reports;
using Interleave.Primitives.Instrumentation;
using Interleave.Scenarios;
using Microsoft.Coyote.Specifications;

namespace Interleave.Tests.Systematic.Reports;

/// <summary>
/// The HTML report of a bug, checked as markup: a lane per task, a mark per primitive operation, the failing
/// step, the waits, the deadlock cycle, escaping of user names, and the same bytes for the same schedule.
/// </summary>
public class HtmlReportTests
{
    private const string TestName = "locks.opposite-order";

    private static ExplorationReport Deadlock() =>
        Explorer.Run(LockOrderingScenarios.OppositeOrder, new ExplorationOptions { Iterations = 100, Seed = 3 });

    [Fact]
    public void Lanes_OnePerTask_MainFirstThenInOrderOfAppearance()
    {
        var report = Deadlock();
        var html = HtmlReport.Render(report, TestName);

        Assert.Equal(["main", "task1", "task2"], Values(html, """<div class="lane" data-task="([^"]*)" """));
    }

    [Fact]
    public void Steps_OneMarkPerEvent_NumberedInScheduleOrderInTheirTasksLane()
    {
        var report = Deadlock();
        var html = HtmlReport.Render(report, TestName);

        var steps = Regex.Matches(html, """<button type="button" class="step( failing| racing)?" data-step="(\d+)" data-outcome="[a-z]+" data-task="([^"]*)" """);
        Assert.Equal(report.Events.Count, steps.Count);
        Assert.Equal(
            Enumerable.Range(1, report.Events.Count).Select(step => (step, report.Events[step - 1].Task.Name)),
            steps.Select(m => (int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[3].Value)).Order());
        foreach (var lane in Regex.Matches(html, """<div class="lane" data-task="([^"]*)" .*?</div></div>""").Cast<Match>())
        {
            var inLane = Values(lane.Value, """class="step(?: failing| racing)?" data-step="\d+" data-outcome="[a-z]+" data-task="([^"]*)" """);
            Assert.All(inLane, task => Assert.Equal(lane.Groups[1].Value, task));
        }
    }

    [Fact]
    public void FailingStep_TheLastStep_IsTheOnlyOneMarkedFailing()
    {
        var report = Deadlock();
        var html = HtmlReport.Render(report, TestName);

        Assert.Equal([report.Events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)], Values(html, """class="step failing" data-step="(\d+)" """));
        Assert.Contains($"the schedule failed at step {report.Events.Count}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitBar_LockWaitThatResumes_RunsFromBlockedStepToResumedStep()
    {
        var (report, blocked, resumed) = FirstScheduleWithResumedLockWait();
        var html = HtmlReport.Render(report, "contended");

        Assert.Contains($"""<span class="wait" data-from="{blocked}" data-to="{resumed}" """, html, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitBar_DeadlockedLockWait_RunsToTheEnd()
    {
        var report = Deadlock();
        var html = HtmlReport.Render(report, TestName);

        var blocked = report.Events.Select((e, i) => (e, Step: i + 1)).Where(x => x.e.Outcome == OperationOutcome.Blocked).Select(x => x.Step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, blocked.Count());
        Assert.Equal(blocked.Order(), Values(html, """<span class="wait" data-from="(\d+)" data-to="end" """).Order());
    }

    [Fact]
    public void Deadlock_LockOrdering_DrawsTheCycleTask1Task2Task1ThroughBothLocks()
    {
        var html = HtmlReport.Render(Deadlock(), TestName);

        var cycle = Regex.Match(html, """<div class="cycle"[^>]*>(.*?)</div>""");
        Assert.True(cycle.Success, "no cycle drawn");
        Assert.Equal(["task1", "task2", "task1"], Values(cycle.Value, """<span class="node task" data-task="([^"]*)">"""));
        Assert.Equal(["lock &#39;lock_b&#39;", "lock &#39;lock_a&#39;"], Values(cycle.Value, """<span class="node primitive">([^<]*)"""));
        Assert.Contains("""<section class="deadlock">""", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DataRace_TheEarlierAccessIsMarkedRacing_AndOnlyIt()
    {
        var report = Explorer.Run(CounterScenarios.UnprotectedIncrement, new ExplorationOptions { Iterations = 100, Seed = 3 });
        var html = HtmlReport.Render(report, "counter.unprotected");

        Assert.Equal(Verdict.DataRace, report.Verdict);
        var racing = Assert.Single(Values(html, """class="step racing" data-step="(\d+)" """));
        var earlier = report.Events[int.Parse(racing, System.Globalization.CultureInfo.InvariantCulture) - 1];
        var last = report.Events[^1];
        Assert.Equal((PrimitiveKind.Shared, last.PrimitiveName), (earlier.PrimitiveKind, earlier.PrimitiveName));
        Assert.NotEqual(last.Task, earlier.Task);
        Assert.Contains($"{earlier.Task.Name}'s {(earlier.Operation == PrimitiveOperation.Write ? "write" : "read")} (at CounterScenarios.cs:{earlier.CallerLine})", report.Message, StringComparison.Ordinal);
        Assert.Contains("the access it races with", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AtomicityViolation_TheCheckAndTheOtherWriteAreMarkedRacing()
    {
        var report = Explorer.Run(BankScenarios.StaleBalanceWritten, new ExplorationOptions { Iterations = 100, Seed = 3 });
        var html = HtmlReport.Render(report, "bank.stale-balance-written");

        Assert.Equal(Verdict.AtomicityViolation, report.Verdict);
        var racing = Values(html, """class="step racing" data-step="(\d+)" """)
            .Select(step => report.Events[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture) - 1])
            .Select(e => e.Operation)
            .Order();
        Assert.Equal([PrimitiveOperation.Read, PrimitiveOperation.Write], racing);
    }

    [Fact]
    public void Deadlock_NoStepMarkedRacing()
    {
        var html = HtmlReport.Render(Deadlock(), TestName);

        Assert.DoesNotContain("step racing", html, StringComparison.Ordinal);
        Assert.DoesNotContain("the access it races with", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertionFailure_HasNoDeadlockSectionButTheVerdictMessageAndAccount()
    {
        var report = Explorer.Run(BankScenarios.UnprotectedWithdraw, new ExplorationOptions { Iterations = 100, Seed = 3, Races = RaceChecking.Off });
        var html = HtmlReport.Render(report, "bank.unprotected-withdraw");

        Assert.Equal(Verdict.AssertionFailure, report.Verdict);
        Assert.DoesNotContain("class=\"deadlock\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"cycle\"", html, StringComparison.Ordinal);
        Assert.Contains("""data-verdict="AssertionFailure">AssertionFailure</span>""", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(report.Message), html, StringComparison.Ordinal);
        Assert.Contains($"""<pre class="account">{System.Net.WebUtility.HtmlEncode(report.Account)}</pre>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_WithMarkup_AreEscapedEverywhere()
    {
        const string Evil = "<script>alert(1)</script>";
        var report = Explorer.Run(
            async () =>
            {
                var gate = new AsyncLock("\"lock\" & " + Evil);
                await ControlledTask.Run(async () => { using (await gate.AcquireAsync()) { } }, Evil);
                Specification.Assert(false, Evil);
            },
            new ExplorationOptions { Iterations = 1, Seed = 1 });
        var html = HtmlReport.Render(report, Evil);

        Assert.Single(Regex.Matches(html, "<script>", RegexOptions.IgnoreCase)); // the page's own script
        Assert.DoesNotContain("alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("""<div class="lane" data-task="&lt;script&gt;alert(1)&lt;/script&gt;" """, html, StringComparison.Ordinal);
        Assert.Contains("&quot;lock&quot; &amp; &lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_IsSelfContained_NoExternalResources()
    {
        var html = HtmlReport.Render(Deadlock(), TestName);

        Assert.DoesNotMatch("(?i)<link|src=|href=|@import|url\\(|https?:", html);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReplaysOfOneTrace_IdenticalBytesAndSameAsTheExploration()
    {
        var found = Deadlock();
        var first = HtmlReport.Render(Explorer.Replay(LockOrderingScenarios.OppositeOrder, found.Trace), TestName);
        var second = HtmlReport.Render(Explorer.Replay(LockOrderingScenarios.OppositeOrder, found.Trace), TestName);

        Assert.Equal(first, second);
        Assert.Equal(HtmlReport.Render(found, TestName), first);
    }

    private static List<string> Values(string html, string pattern) =>
        [.. Regex.Matches(html, pattern, RegexOptions.Singleline).Select(m => m.Groups[1].Value)];

    /// <summary>Two tasks contend for one lock; the first seed whose schedule makes one wait and then get it.</summary>
    private static (ExplorationReport Report, int Blocked, int Resumed) FirstScheduleWithResumedLockWait()
    {
        for (uint seed = 1; seed <= 100; seed++)
        {
            var report = Explorer.Run(
                async () =>
                {
                    var gate = new AsyncLock("gate");
                    async Task HoldAsync()
                    {
                        using (await gate.AcquireAsync())
                        {
                            await ControlledTask.Yield();
                        }
                    }

                    await Task.WhenAll(ControlledTask.Run(HoldAsync, "A"), ControlledTask.Run(HoldAsync, "B"));
                    Specification.Assert(false, "the schedule is over");
                },
                new ExplorationOptions { Iterations = 1, Seed = seed });
            var events = report.Events;
            var blocked = events.ToList().FindIndex(e => e.Operation == PrimitiveOperation.Acquire && e.Outcome == OperationOutcome.Blocked);
            if (blocked >= 0)
            {
                var resumed = events.ToList().FindIndex(blocked, e => e.Task == events[blocked].Task && e.Outcome == OperationOutcome.Resumed);
                return (report, blocked + 1, resumed + 1);
            }
        }

        throw new InvalidOperationException("No schedule of 100 seeds made a task wait for the lock.");
    }
}
