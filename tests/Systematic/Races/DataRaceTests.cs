using Interleave.Harness;
using Interleave.Primitives;

namespace Interleave.Tests.Systematic.Races;

/// <summary>
/// Data races on <see cref="Shared{T}"/> cells are reported at the access that completes them, in the first
/// schedule, with both source lines; accesses ordered by any primitive or by starting and joining tasks are
/// never reported.
/// </summary>
public class DataRaceTests
{
    public static TheoryData<ExplorationStrategy> Strategies() => new(Explorer.CoyoteStrategies);

    // A schedule that runs Ann to her end before main starts Ben hides the race: main's next step after a
    // task's end takes in its clock (main may have awaited it; the detector cannot see awaits), and Ben starts
    // from main's. Every other schedule shows it, so it is found at once.
    [Theory]
    [MemberData(nameof(Strategies))]
    public void CounterWithoutLock_RaceReportedInTheFirstSchedules(ExplorationStrategy strategy)
    {
        var report = Explorer.Run(() => IncrementTwiceAsync(locked: false), new ExplorationOptions { Iterations = 100, Seed = 3, Strategy = strategy });

        Assert.Equal(Verdict.DataRace, report.Verdict);
        Assert.InRange(report.IterationsRun, 1, 5);
        Assert.Matches(@"^Data race on shared 'count': (Ann|Ben) (reads|writes) it \(at DataRaceTests\.cs:\d+\) while (Ann|Ben)'s (read|write) \(at DataRaceTests\.cs:\d+\) is not ordered before it", report.Message);
        Assert.Contains("Last synchronization: ", report.Message, StringComparison.Ordinal);
        Assert.Matches(@"(read|write) shared 'count'\s+-> done\s+DataRaceTests\.cs:\d+  (var seen = count\.Read\(\);|count\.Write\(seen \+ 1\);)\n\nDataRace: ", report.Account.ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void CounterUnderLock_NoRace(ExplorationStrategy strategy)
    {
        var report = Explorer.Run(() => IncrementTwiceAsync(locked: true), new ExplorationOptions { Iterations = 300, Seed = 3, Strategy = strategy });

        Assert.False(report.BugFound, report.ToString());
    }

    [Fact]
    public void Race_ReplaysToTheSameAccount()
    {
        var report = Explorer.Run(() => IncrementTwiceAsync(locked: false), new ExplorationOptions { Iterations = 10, Seed = 4, TestName = "Races.Counter" });

        var replayed = Explorer.Replay(() => IncrementTwiceAsync(locked: false), report.Trace, "Races.Counter");

        Assert.Equal(Verdict.DataRace, replayed.Verdict);
        Assert.Equal(report.Account, replayed.Account);
    }

    [Fact]
    public void RacesAsWarnings_EverySchedulePasses_AndTheRaceIsListed()
    {
        var report = Explorer.Run(() => IncrementTwiceAsync(locked: false), new ExplorationOptions { Iterations = 50, Seed = 3, Races = RaceChecking.Warn });

        Assert.Equal(Verdict.NoBug, report.Verdict);
        Assert.Equal(50, report.IterationsRun);
        Assert.NotEmpty(report.RaceWarnings);
        Assert.All(report.RaceWarnings, race => Assert.StartsWith("Data race on shared 'count'", race.Message, StringComparison.Ordinal));
        Assert.Equal(report.RaceWarnings.Count, report.RaceWarnings.Select(race => race.Message).Distinct().Count());
    }

    [Fact]
    public void RacesAsWarnings_TheTestsOwnAssertionStillFails()
    {
        var report = Explorer.Run(Interleave.Scenarios.BankScenarios.UnprotectedWithdraw, new ExplorationOptions { Iterations = 200, Seed = 3, Races = RaceChecking.Warn });

        Assert.Equal(Verdict.AssertionFailure, report.Verdict);
        Assert.Contains(report.RaceWarnings, race => race.Message.StartsWith("Data race on shared 'balance'", StringComparison.Ordinal));
    }

    [Fact]
    public void RacesOff_NoVerdictAndNoWarning()
    {
        var report = Explorer.Run(() => IncrementTwiceAsync(locked: false), new ExplorationOptions { Iterations = 50, Seed = 3, Races = RaceChecking.Off });

        Assert.Equal(Verdict.NoBug, report.Verdict);
        Assert.Empty(report.RaceWarnings);
    }

    public static TheoryData<string> Orderings() => new(["event", "queue", "semaphore", "condition", "barrier", "spawn", "join"]);

    public static TheoryData<string, ExplorationStrategy> OrderingsAndStrategies()
    {
        var data = new TheoryData<string, ExplorationStrategy>();
        foreach (var ordering in Orderings())
        {
            foreach (var strategy in Explorer.CoyoteStrategies)
            {
                data.Add(ordering, strategy);
            }
        }

        return data;
    }

    // No false positive: the hand-over's only ordering is the one primitive, for 300 schedules of every strategy.
    [Theory]
    [MemberData(nameof(OrderingsAndStrategies))]
    public void WriteOrderedBeforeReadByAPrimitive_NoRaceIn300(string ordering, ExplorationStrategy strategy)
    {
        var report = Explorer.Run(() => HandOverAsync(ordering, ordered: true), new ExplorationOptions { Iterations = 300, Seed = 5, Strategy = strategy });

        Assert.False(report.BugFound, report.ToString());
        Assert.Equal(300, report.IterationsRun);
    }

    [Theory]
    [MemberData(nameof(Orderings))]
    public void SameProgramWithoutTheOrdering_RaceReported(string ordering)
    {
        var report = Explorer.Run(() => HandOverAsync(ordering, ordered: false), new ExplorationOptions { Iterations = 200, Seed = 5 });

        Assert.Equal(Verdict.DataRace, report.Verdict);
    }

    // Ann and Ben each read the counter, yield, and write it plus one: under a lock, or not.
    private static async Task IncrementTwiceAsync(bool locked)
    {
        var count = new Shared<int>(0, "count");
        var gate = new AsyncLock("count-lock");
        async Task IncrementAsync()
        {
            using (locked ? await gate.AcquireAsync() : default)
            {
                var seen = count.Read();
                await ControlledTask.Yield();
                count.Write(seen + 1);
            }
        }

        await Task.WhenAll(ControlledTask.Run(IncrementAsync, "Ann"), ControlledTask.Run(IncrementAsync, "Ben"));
    }

    // A writer writes the cell, then (when ordered) signals through one primitive; a reader waits for the
    // signal (when ordered) and reads. Unordered, the same tasks skip only the signal.
    private static async Task HandOverAsync(string ordering, bool ordered)
    {
        var cell = new Shared<string>("empty", "message");
        switch (ordering)
        {
            case "spawn":
                cell.Write("hello");
                if (!ordered)
                {
                    // Unordered: the write happens in a sibling the reader does not wait for.
                    var writer = ControlledTask.Run(async () => { await ControlledTask.Yield(); cell.Write("again"); }, "writer");
                    await ControlledTask.Run(async () => { _ = cell.Read(); await ControlledTask.Yield(); }, "reader");
                    await writer;
                    return;
                }

                await ControlledTask.Run(async () => { _ = cell.Read(); await ControlledTask.Yield(); }, "reader");
                return;
            case "join":
                var child = ControlledTask.Run(async () => { await ControlledTask.Yield(); cell.Write("hello"); }, "writer");
                if (ordered)
                {
                    await child;
                    _ = cell.Read();
                }
                else
                {
                    _ = cell.Read();
                    await child;
                }

                return;
        }

        var signal = new AsyncEvent("ready");
        var queue = new AsyncQueue<int>(name: "handoff");
        var semaphore = new AsyncSemaphore(0, "handoff");
        var condition = new AsyncCondition(name: "ready");
        var barrier = new AsyncBarrier(2, "meet");
        var flag = false;
        async Task WriteAsync()
        {
            cell.Write("hello");
            if (ordering == "barrier")
            {
                await barrier.WaitAsync();
                return;
            }

            if (!ordered)
            {
                return;
            }

            switch (ordering)
            {
                case "event": signal.Set(); break;
                case "queue": await queue.PutAsync(1); break;
                case "semaphore": semaphore.Release(); break;
                case "condition":
                    using (await condition.AcquireAsync())
                    {
                        flag = true;
                        condition.Notify();
                    }

                    break;
            }
        }

        async Task ReadAsync()
        {
            if (ordering == "barrier")
            {
                if (ordered)
                {
                    await barrier.WaitAsync();
                }
                else
                {
                    await ControlledTask.Yield();
                    _ = cell.Read();
                    await barrier.WaitAsync();
                    return;
                }
            }
            else if (ordered)
            {
                switch (ordering)
                {
                    case "event": await signal.WaitAsync(); break;
                    case "queue": await queue.GetAsync(); break;
                    case "semaphore": (await semaphore.AcquireAsync()).Dispose(); break;
                    case "condition":
                        using (await condition.AcquireAsync())
                        {
                            await condition.WaitForAsync(() => flag);
                        }

                        break;
                }
            }
            else
            {
                await ControlledTask.Yield();
            }

            _ = cell.Read();
        }

        await Task.WhenAll(ControlledTask.Run(WriteAsync, "writer"), ControlledTask.Run(ReadAsync, "reader"));
    }
}
