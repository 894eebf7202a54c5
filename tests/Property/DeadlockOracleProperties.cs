using Interleave.Harness;
using Interleave.Primitives;
using Xunit;

namespace Interleave.Tests.Property;

/// <summary>
/// The deadlock verdict against an oracle: FsCheck generates programs of 2-3 tasks, each taking some of three
/// locks in a generated order (nested, released in reverse, a yield between acquisitions); the harness reports
/// a deadlock if and only if the oracle, an exhaustive search of the program's abstract states, reaches one
/// where unfinished tasks all wait for locks held. Every deadlock found replays to the same verdict and account.
/// </summary>
public class DeadlockOracleProperties
{
    private const int Locks = 3;

    // Measured while writing this, over 200 programs decoded from System.Random(1) (71 of them deadlocking):
    // random search with seed 5 found every deadlock within 12 schedules (44 in the first, 95% within 11), so
    // 200 leaves a margin of 16x; a correct program's 200 schedules take 0.5-3 s (up to ~40 steps each).
    private static readonly int Budget = 200 * PropertyScale.Factor;

    [ScaledProperty(12)]
    public void LockPrograms_DeadlockReported_IffTheOracleReachesOne(byte taskCount, byte[] orders)
    {
        var program = Decode(2 + (taskCount % 2), orders ?? []);
        var oracle = CanDeadlock(program);

        Func<Task> test = () => RunAsync(program); // one delegate, so the trace names the same test on replay
        var report = Explorer.Run(test, new ExplorationOptions { Iterations = Budget, Seed = 5 });

        var shown = Show(program);
        Assert.True(report.Verdict == (oracle ? Verdict.Deadlock : Verdict.NoBug), $"{shown}: the oracle says {(oracle ? "a deadlock is reachable" : "none is")}, the harness: {report}");
        if (oracle)
        {
            Assert.Matches(@"Cycle: T\d -> T\d", report.Account); // the account names who holds and who waits for which lock
            var replayed = Explorer.Replay(test, report.Trace);
            Assert.Equal(report.Verdict, replayed.Verdict);
            Assert.Equal(report.Account, replayed.Account);
        }
    }

    // The oracle on the seed's two programs: opposite orders can deadlock, one order cannot.
    [Fact]
    public void Oracle_OppositeOrders_Deadlock_SameOrder_DoesNot()
    {
        Assert.True(CanDeadlock([[[0, 1]], [[1, 0]]]));
        Assert.False(CanDeadlock([[[0, 1]], [[0, 1]]]));
        Assert.False(CanDeadlock([[[2, 0, 1]], [[2, 1, 0]]])); // lock 2 guards both
        Assert.True(CanDeadlock([[[0, 1]], [[1, 2]], [[2, 0]]]));
    }

    // Each task: one or two blocks, each block the distinct locks it takes, in order.
    private static List<List<int[]>> Decode(int tasks, byte[] orders)
    {
        var program = new List<List<int[]>>();
        for (var task = 0; task < tasks; task++)
        {
            var blocks = new List<int[]>();
            for (var block = 0; block < 1 + (orders.ElementAtOrDefault(task * 3) % 2); block++)
            {
                var seed = orders.ElementAtOrDefault((task * 3) + 1 + block);
                var order = new List<int> { 0, 1, 2 }.OrderBy(l => (l * 7 + seed) % 11).Take(1 + (seed % Locks)).ToArray();
                blocks.Add(order);
            }

            program.Add(blocks);
        }

        return program;
    }

    private static async Task RunAsync(List<List<int[]>> program)
    {
        var locks = Enumerable.Range(0, Locks).Select(l => new AsyncLock($"L{l}")).ToArray();
        await Task.WhenAll(program.Select((blocks, t) => ControlledTask.Run(async () =>
        {
            foreach (var block in blocks)
            {
                foreach (var l in block)
                {
                    await locks[l].AcquireAsync();
                    await ControlledTask.Yield();
                }

                foreach (var l in block.Reverse())
                {
                    locks[l].Release();
                }
            }
        }, $"T{t + 1}")));
    }

    // Every reachable state of the abstract program (each task's position, each lock's holder), searched
    // exhaustively: a deadlock is a state where some task is unfinished and none can move.
    private static bool CanDeadlock(List<List<int[]>> program)
    {
        var steps = program.Select(blocks => blocks.SelectMany(block => block.Select(l => (Acquire: true, Lock: l)).Concat(block.Reverse().Select(l => (Acquire: false, Lock: l)))).ToArray()).ToArray();
        var start = (Positions: new int[steps.Length], Holders: Enumerable.Repeat(-1, Locks).ToArray());
        var seen = new HashSet<string>();
        var pending = new Stack<(int[] Positions, int[] Holders)>([start]);
        while (pending.TryPop(out var state))
        {
            if (!seen.Add(string.Join(",", state.Positions) + "|" + string.Join(",", state.Holders)))
            {
                continue;
            }

            var moved = false;
            for (var t = 0; t < steps.Length; t++)
            {
                if (state.Positions[t] == steps[t].Length)
                {
                    continue;
                }

                var (acquire, l) = steps[t][state.Positions[t]];
                if (acquire && state.Holders[l] != -1)
                {
                    continue;
                }

                var positions = (int[])state.Positions.Clone();
                var holders = (int[])state.Holders.Clone();
                positions[t]++;
                holders[l] = acquire ? t : -1;
                pending.Push((positions, holders));
                moved = true;
            }

            if (!moved && state.Positions.Where((p, t) => p < steps[t].Length).Any())
            {
                return true;
            }
        }

        return false;
    }

    private static string Show(List<List<int[]>> program) =>
        string.Join(" | ", program.Select((blocks, t) => $"T{t + 1}: " + string.Join(" ; ", blocks.Select(b => string.Join(">", b.Select(l => $"L{l}"))))));
}
