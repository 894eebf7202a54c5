using System.Text.RegularExpressions;
using Interleave.Harness;
using Xunit;

namespace Interleave.Tests.Property;

/// <summary>
/// The harness reports a deadlock exactly when a generated lock program can deadlock, as an oracle that
/// searches the program's abstract states decides without the harness; a reported deadlock is one the oracle
/// found, and its account names every stuck task's locks and the cycle; on each engine.
/// </summary>
public class DeadlockOracleProperties
{
    /// <summary>
    /// Schedules the harness may take to find a deadlock the oracle says is there. Measured with this
    /// strategy and seed on 5,000 generated deadlocking programs: the failing schedule had median 3, 99th
    /// percentile 13, maximum 62. Rerun with 100 seeds far apart, the slowest of them failed at schedule 12.7
    /// on average (48 at worst), so about one schedule in 13 shows its deadlock. 2,000 is 30 times the
    /// slowest seen: a deadlock that only one schedule in 100 shows escapes it with odds e^-20. A program
    /// stops at its first deadlock, so the margin costs nothing.
    /// </summary>
    private const int SchedulesToFindDeadlock = 2000;

    /// <summary>
    /// Schedules a deadlock-free program runs, every one checked for a false report. Fewer than above: a
    /// false report needs no rare schedule to show, and every deadlock-free program pays the whole budget.
    /// </summary>
    private static int SchedulesWithoutDeadlock => 100 * PropertyScale.Factor;

    [ScaledProperty(2000, Arbitrary = [typeof(ProgramArbitraries)])]
    public void StateSearchAndLockOrderGraph_AgreeOnWhetherAProgramCanDeadlock(LockProgram program) =>
        Assert.True(
            DeadlockOracle.ReachableDeadlocks(program).Count > 0 == DeadlockOracle.LockOrderGraphHasCycle(program),
            $"The state search and the lock-order graph disagree on {program}");

    [ScaledProperty(120, Arbitrary = [typeof(ProgramArbitraries)])]
    public void Harness_ReportsDeadlock_ExactlyWhenTheOracleFindsOne_OnEachEngine(LockProgram program)
    {
        var deadlocks = DeadlockOracle.ReachableDeadlocks(program);
        foreach (var engine in Enum.GetValues<SchedulingEngine>())
        {
            var progress = new TaskProgress();
            var report = Explorer.Run(() => program.RunAsync(progress), new ExplorationOptions
            {
                Iterations = deadlocks.Count > 0 ? SchedulesToFindDeadlock : SchedulesWithoutDeadlock,
                Engine = engine,
                Strategy = ExplorationStrategy.Random,
                Seed = 2026,
            });

            if (deadlocks.Count == 0)
            {
                Assert.True(report.Verdict == Verdict.NoBug, $"No deadlock is possible in {program}, but the {engine} engine reported {report}\n{report.Account}");
                Assert.Equal(SchedulesWithoutDeadlock, report.IterationsRun);
                continue;
            }

            Assert.True(report.Verdict == Verdict.Deadlock, $"{program} can deadlock (e.g. with the tasks at steps {string.Join(",", deadlocks[0])}), but the {engine} engine reported {report}");
            var stopped = progress.Steps.ToArray();
            Assert.True(
                deadlocks.Any(d => d.SequenceEqual(stopped)),
                $"The {engine} engine reported a deadlock with the tasks at steps {string.Join(",", stopped)} of {program}, which is not a deadlock the oracle can reach.\n{report.Account}");
            AssertAccountNamesWhoHoldsAndWaits(program, stopped, report.Account);
        }
    }

    // Every stuck task's line names the locks it holds, the lock it waits for and that lock's holder, and
    // the cycle the account draws is one: each of its tasks waits for a lock the next one holds.
    private static void AssertAccountNamesWhoHoldsAndWaits(LockProgram program, int[] stopped, string account)
    {
        var context = $"\nProgram: {program}\nStopped at steps {string.Join(",", stopped)}\n{account}";
        for (var task = 0; task < stopped.Length; task++)
        {
            if (stopped[task] == program.Tasks[task].Count)
            {
                continue;
            }

            var wanted = program.Tasks[task][stopped[task]].Lock;
            var holder = HolderOf(program, stopped, wanted);
            var line = Regex.Match(
                account,
                $@"^\s*{LockProgram.TaskName(task)} (holds (?<held>.+) and )?waits for lock '{LockProgram.LockName(wanted)}' \(at [^)]+\), held by {LockProgram.TaskName(holder)}\.$",
                RegexOptions.Multiline);
            Assert.True(line.Success, $"No line says that {LockProgram.TaskName(task)} waits for lock '{LockProgram.LockName(wanted)}' held by {LockProgram.TaskName(holder)}.{context}");

            var named = Regex.Matches(line.Groups["held"].Value, @"lock '(\w+)'").Select(m => m.Groups[1].Value).Order();
            var held = program.HeldBefore(task, stopped[task]).Select(LockProgram.LockName).Order();
            Assert.True(named.SequenceEqual(held), $"{LockProgram.TaskName(task)} holds {string.Join(", ", held)}, but its line names {string.Join(", ", named)}.{context}");
        }

        var cycle = Regex.Match(account, @"^\s*Cycle: (?<tasks>.+): each waits for the next, so none can go on\.$", RegexOptions.Multiline);
        Assert.True(cycle.Success, $"The account draws no cycle.{context}");
        var tasks = cycle.Groups["tasks"].Value.Split(" -> ").Select(name => int.Parse(name[1..]) - 1).ToList();
        Assert.True(tasks.Count >= 3 && tasks[0] == tasks[^1], $"'{cycle.Value}' does not close.{context}");
        for (var i = 0; i + 1 < tasks.Count; i++)
        {
            var wanted = program.Tasks[tasks[i]][stopped[tasks[i]]].Lock;
            Assert.True(HolderOf(program, stopped, wanted) == tasks[i + 1], $"In '{cycle.Value}', {LockProgram.TaskName(tasks[i])} does not wait for a lock {LockProgram.TaskName(tasks[i + 1])} holds.{context}");
        }
    }

    private static int HolderOf(LockProgram program, int[] stopped, int lockIndex) =>
        Enumerable.Range(0, stopped.Length).Single(t => program.HeldBefore(t, stopped[t]).Contains(lockIndex));
}
