using Interleave.Harness;
using Interleave.Harness.Findings;
using Interleave.Harness.Races;
using Interleave.Primitives.Instrumentation;
using Interleave.Scenarios;

namespace Interleave.Tests.Systematic.Races;

/// <summary>
/// A check-then-act on a <c>Shared&lt;T&gt;</c> cell split by an await with no lock held is reported as an
/// atomicity violation whenever another task writes the cell at a point only lock order keeps outside the
/// window, even in a schedule where it stayed outside and the result came out right; re-reading under the
/// lock, holding the lock across the await, and writes ordered by other primitives are not reported.
/// </summary>
public class AtomicityViolationTests
{
    private static readonly TaskIdentity Main = TaskIdentity.Root;
    private static readonly TaskIdentity Rent = new(1, "Rent");
    private static readonly TaskIdentity Groceries = new(2, "Groceries");

    private static Func<Task> StaleBalance => ScenarioCatalog.All.Single(s => s.Name == "bank.stale-balance-written").Test;

    private static Func<Task> Rechecked => ScenarioCatalog.All.Single(s => s.Name == "bank.balance-rechecked-under-lock").Test;

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    [InlineData(4u)]
    [InlineData(5u)]
    public void StaleBalance_ReportedInTheFirstSchedule_WithBothTasksAndLines(uint seed)
    {
        var report = Explorer.Run(StaleBalance, new ExplorationOptions { Iterations = 100, Seed = seed });

        Assert.Equal(Verdict.AtomicityViolation, report.Verdict);
        Assert.Equal(1, report.IterationsRun);
        Assert.Matches(
            @"^Atomicity violation on shared 'balance': (Rent|Groceries) reads it \(at BankScenarios\.cs:\d+\), awaits \(yield \(at BankScenarios\.cs:\d+\)\) "
            + @"with no lock held from that read on, then writes it \(at BankScenarios\.cs:\d+\); (Rent|Groceries)'s write \(at BankScenarios\.cs:\d+\)",
            report.Message);
        Assert.Contains("AtomicityViolation: ", report.Account, StringComparison.Ordinal);
    }

    [Fact]
    public void StaleBalance_ReplaysToTheSameAccount()
    {
        var report = Explorer.Run(StaleBalance, new ExplorationOptions { Iterations = 10, Seed = 7 });

        var replayed = Explorer.Replay(StaleBalance, report.Trace);

        Assert.Equal(Verdict.AtomicityViolation, replayed.Verdict);
        Assert.Equal(report.Account, replayed.Account);
    }

    [Fact]
    public void StaleBalance_ChecksOff_OnlyTheLostUpdateAssertionFindsIt()
    {
        var report = Explorer.Run(StaleBalance, new ExplorationOptions { Iterations = 1000, Seed = 1, Races = RaceChecking.Off });

        Assert.Equal(Verdict.AssertionFailure, report.Verdict);
        Assert.StartsWith("A withdrawal was lost", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecheckedUnderLock_NoFindingIn1000Schedules()
    {
        var report = Explorer.Run(Rechecked, new ExplorationOptions { Iterations = 1000, Seed = 1, Strategy = ExplorationStrategy.Probabilistic });

        Assert.False(report.BugFound, report.ToString());
    }

    // Rent runs to its end before Groceries reads: the balance comes out right, and only lock order kept
    // Rent's write out of Groceries' window.
    [Fact]
    public void SequentialSchedule_StillReported_AtTheSecondWrite()
    {
        var events = Start().Concat(Withdraw(Rent, reread: false)).Concat(Withdraw(Groceries, reread: false)).ToList();

        var findings = Observe(events);

        Assert.Equal([events.Count - 2], findings.Keys);
        Assert.StartsWith("Atomicity violation on shared 'balance': Groceries reads it", findings.Values.Single(), StringComparison.Ordinal);
        Assert.Contains("Rent's write", findings.Values.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_NamesTheCheckAndTheOtherWrite_AsOtherSteps()
    {
        var events = Start().Concat(Withdraw(Rent, reread: false)).Concat(Withdraw(Groceries, reread: false)).ToList();
        var groceriesRead = events.FindIndex(e => e.Task == Groceries && e.Operation == PrimitiveOperation.Read);
        var rentWrite = events.FindIndex(e => e.Task == Rent && e.Operation == PrimitiveOperation.Write);

        var (at, finding) = ObserveFindings(events).Single();

        Assert.Equal([rentWrite, groceriesRead], finding.Steps.Select(step => step.Number - 1).Where(index => index != at).Order());
    }

    [Fact]
    public void InterleavedSchedule_ReportsTheWindowTheOtherWriteFellInto()
    {
        List<PrimitiveEvent> events =
        [
            .. Start(),
            Step(Rent, PrimitiveKind.AsyncLock, PrimitiveOperation.Acquire), Step(Rent, PrimitiveKind.Shared, PrimitiveOperation.Read), Step(Rent, PrimitiveKind.AsyncLock, PrimitiveOperation.Release),
            Step(Rent, PrimitiveKind.ControlledTask, PrimitiveOperation.Yield),
            .. Withdraw(Groceries, reread: false),
            Step(Rent, PrimitiveKind.AsyncLock, PrimitiveOperation.Acquire), Step(Rent, PrimitiveKind.Shared, PrimitiveOperation.Write), Step(Rent, PrimitiveKind.AsyncLock, PrimitiveOperation.Release),
        ];

        var findings = Observe(events);

        Assert.Equal([events.Count - 2], findings.Keys);
        Assert.StartsWith("Atomicity violation on shared 'balance': Rent reads it", findings.Values.Single(), StringComparison.Ordinal);
        Assert.Contains("Groceries's write", findings.Values.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAgainUnderTheWritesLock_NotReported()
    {
        var events = Start().Concat(Withdraw(Rent, reread: true)).Concat(Withdraw(Groceries, reread: true)).ToList();

        Assert.Empty(Observe(events));
    }

    [Fact]
    public void LockHeldAcrossTheAwait_NotReported()
    {
        List<PrimitiveEvent> events =
        [
            .. Start(),
            Step(Rent, PrimitiveKind.AsyncLock, PrimitiveOperation.Acquire), Step(Rent, PrimitiveKind.Shared, PrimitiveOperation.Read),
            Step(Rent, PrimitiveKind.ControlledTask, PrimitiveOperation.Yield), Step(Rent, PrimitiveKind.Shared, PrimitiveOperation.Write), Step(Rent, PrimitiveKind.AsyncLock, PrimitiveOperation.Release),
            Step(Groceries, PrimitiveKind.AsyncLock, PrimitiveOperation.Acquire), Step(Groceries, PrimitiveKind.Shared, PrimitiveOperation.Write), Step(Groceries, PrimitiveKind.AsyncLock, PrimitiveOperation.Release),
        ];

        Assert.Empty(Observe(events));
    }

    [Fact]
    public void OtherWriteOrderedAfterTheActByAnEvent_NotReported()
    {
        List<PrimitiveEvent> events =
        [
            .. Start(),
            .. Withdraw(Rent, reread: false),
            Step(Rent, PrimitiveKind.AsyncEvent, PrimitiveOperation.Set),
            Step(Groceries, PrimitiveKind.AsyncEvent, PrimitiveOperation.Wait, OperationOutcome.Resumed),
            .. Withdraw(Groceries, reread: false),
        ];

        var findings = Observe(events);

        Assert.Empty(findings);
    }

    private static PrimitiveEvent[] Start() =>
    [
        new(PrimitiveKind.ControlledTask, "task", PrimitiveOperation.Spawn, OperationOutcome.Completed, Main, -1, Rent, string.Empty, 0),
        new(PrimitiveKind.ControlledTask, "task", PrimitiveOperation.Spawn, OperationOutcome.Completed, Main, -1, Groceries, string.Empty, 0),
    ];

    // Read under the lock, let it go, yield, take it again, (read again,) write.
    private static PrimitiveEvent[] Withdraw(TaskIdentity task, bool reread) =>
    [
        Step(task, PrimitiveKind.AsyncLock, PrimitiveOperation.Acquire),
        Step(task, PrimitiveKind.Shared, PrimitiveOperation.Read),
        Step(task, PrimitiveKind.AsyncLock, PrimitiveOperation.Release),
        Step(task, PrimitiveKind.ControlledTask, PrimitiveOperation.Yield),
        Step(task, PrimitiveKind.AsyncLock, PrimitiveOperation.Acquire),
        .. reread ? [Step(task, PrimitiveKind.Shared, PrimitiveOperation.Read)] : Array.Empty<PrimitiveEvent>(),
        Step(task, PrimitiveKind.Shared, PrimitiveOperation.Write),
        Step(task, PrimitiveKind.AsyncLock, PrimitiveOperation.Release),
    ];

    private static PrimitiveEvent Step(TaskIdentity task, PrimitiveKind kind, PrimitiveOperation operation, OperationOutcome outcome = OperationOutcome.Completed) =>
        new(kind, kind switch { PrimitiveKind.Shared => "balance", PrimitiveKind.AsyncLock => "account", PrimitiveKind.AsyncEvent => "paid", _ => "task" }, operation, outcome, task, -1, TaskIdentity.None, string.Empty, 0);

    // The detector's findings by event index; the data-race detector must see none of these programs as racy.
    private static Dictionary<int, string> Observe(List<PrimitiveEvent> events) =>
        ObserveFindings(events).ToDictionary(pair => pair.Key, pair => pair.Value.Message);

    private static Dictionary<int, AtomicityViolationFinding> ObserveFindings(List<PrimitiveEvent> events)
    {
        var atomicity = new AtomicityDetector();
        var races = new RaceDetector();
        var findings = new Dictionary<int, AtomicityViolationFinding>();
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Null(races.Observe(events[i]));
            if (atomicity.Observe(events[i]) is { } violation)
            {
                findings[i] = violation;
            }
        }

        return findings;
    }
}
