using Interleave.Harness;
using Interleave.Scenarios;

namespace Interleave.Tests.Systematic.Replay;

/// <summary>
/// Every buggy scenario's failing schedule is explained in words and replays exactly: the same verdict
/// and, byte for byte, the same account, every time.
/// </summary>
public class AccountAndReplayTests
{
    private const int Replays = 100;

    [Theory]
    [MemberData(nameof(CatalogData.BuggyScenarios), MemberType = typeof(CatalogData))]
    public void BuggyScenario_Replayed100Times_SameVerdictAndIdenticalAccount(string name)
    {
        var scenario = ScenarioCatalog.All.Single(s => s.Name == name);
        var found = Explorer.Run(scenario.Test, new ExplorationOptions { Iterations = 1000, Seed = 17 });
        Assert.True(found.BugFound, $"{name}: {found}");
        Assert.NotEmpty(found.Account);

        for (var replay = 0; replay < Replays; replay++)
        {
            var again = Explorer.Replay(scenario.Test, found.Trace);
            Assert.Equal(found.Verdict, again.Verdict);
            Assert.Equal(found.Account, again.Account);
        }
    }

    [Fact]
    public void LockOrderingDeadlock_Account_NamesBothTasksBothLocksHolderWaiterAndLines()
    {
        var report = Explorer.Run(LockOrderingScenarios.OppositeOrder, new ExplorationOptions { Iterations = 100, Seed = 3 });

        Assert.Equal(Verdict.Deadlock, report.Verdict);
        Assert.Contains("task1 holds lock 'lock_a' (at LockOrderingScenarios.cs:", report.Account, StringComparison.Ordinal);
        Assert.Contains("and waits for lock 'lock_b' (at LockOrderingScenarios.cs:", report.Account, StringComparison.Ordinal);
        Assert.Contains("held by task2.", report.Account, StringComparison.Ordinal);
        Assert.Contains("task2 holds lock 'lock_b'", report.Account, StringComparison.Ordinal);
        Assert.Contains("held by task1.", report.Account, StringComparison.Ordinal);
        Assert.Contains("Cycle: task1 -> task2 -> task1", report.Account, StringComparison.Ordinal);
        Assert.Contains("task1  acquire lock 'lock_b'  -> waits (held by task2)", report.Account, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExplorationStrategy.Random)]
    [InlineData(ExplorationStrategy.Prioritization)]
    [InlineData(ExplorationStrategy.DelayBounding)]
    public void IfGuardedBuffer_Account_EndsWhereTheWokenConsumerFindsTheBufferEmpty(ExplorationStrategy strategy)
    {
        var report = Explorer.Run(BoundedBufferScenarios.IfGuardedWait, new ExplorationOptions { Iterations = 1000, Seed = 7, Strategy = strategy });

        Assert.Equal(Verdict.AssertionFailure, report.Verdict);
        var steps = report.Account.Split('\n').Where(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\s*\d+  ")).ToList();
        var victim = System.Text.RegularExpressions.Regex.Match(report.Message, @"^(Consumer-\d+) woke to an empty buffer").Groups[1].Value;
        Assert.NotEmpty(victim);

        // The last step is the victim's wake-up at the line of its wait, with the line's code, and before it,
        // after the notification, the other consumer woke and took the item.
        Assert.Matches($@"^\s*\d+  {victim}\s+wait on condition 'buffer_condition'\s+-> resumes\s+BoundedBufferScenarios\.cs:\d+  await _condition\.WaitAsync\(\);$", steps[^1]);
        var notified = steps.FindLastIndex(line => line.Contains("notify condition 'buffer_condition'", StringComparison.Ordinal) && line.Contains("Producer", StringComparison.Ordinal));
        Assert.True(notified >= 0, report.Account);
        Assert.Contains(steps.Skip(notified), line => line.Contains("-> resumes", StringComparison.Ordinal) && !line.Contains(victim + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Replay_TraceOfAnotherTest_RejectedNamingBothTests()
    {
        var bank = Explorer.Run(BankScenarios.UnprotectedWithdraw, new ExplorationOptions { Iterations = 100, Seed = 5 });

        var error = Assert.Throws<TraceException>(() => Explorer.Replay(BankScenarios.SafeWithdraw, bank.Trace));

        Assert.Contains("recorded for test 'Interleave.Scenarios.BankScenarios.UnprotectedWithdraw'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not 'Interleave.Scenarios.BankScenarios.SafeWithdraw'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_TruncatedTrace_RejectedAsUnreadable()
    {
        var bank = Explorer.Run(BankScenarios.UnprotectedWithdraw, new ExplorationOptions { Iterations = 100, Seed = 5 });

        var error = Assert.Throws<TraceException>(() => Explorer.Replay(BankScenarios.UnprotectedWithdraw, bank.Trace[..(bank.Trace.Length / 2)]));

        Assert.StartsWith("The trace is unreadable or truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_TraceFromAnotherCoyoteVersion_RejectedNamingBothVersions()
    {
        var bank = Explorer.Run(BankScenarios.UnprotectedWithdraw, new ExplorationOptions { Iterations = 100, Seed = 5 });
        var older = bank.Trace.Replace("\"CoyoteVersion\": \"1.7.11.0\"", "\"CoyoteVersion\": \"1.7.10.0\"", StringComparison.Ordinal);

        var error = Assert.Throws<TraceException>(() => Explorer.Replay(BankScenarios.UnprotectedWithdraw, older));

        Assert.Contains("recorded with Coyote 1.7.10.0, but this is Coyote 1.7.11.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_CodeChangedSinceRecording_RejectedInsteadOfPassingSilently()
    {
        // The deadlock's schedule, replayed on the fixed program under the same test name (as after an edit).
        var deadlock = Explorer.Run(LockOrderingScenarios.OppositeOrder, new ExplorationOptions { Iterations = 100, Seed = 5, TestName = "Orders.Checkout" });

        var error = Assert.Throws<TraceException>(() => Explorer.Replay(LockOrderingScenarios.ConsistentOrder, deadlock.Trace, "Orders.Checkout"));

        Assert.Contains("code under test changed since the trace was recorded", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"at step \d+ \(|first departs from the recorded account at line \d+: recorded '.+', replayed '.+'", error.Message);
    }
}
