namespace Interleave.Tests.Property;

/// <summary>
/// Whether a <see cref="LockProgram"/> can deadlock, decided without the harness, in two independent ways:
/// an exhaustive search of its abstract states, which is exact, and the classic lock-order-graph condition.
/// </summary>
internal static class DeadlockOracle
{
    /// <summary>
    /// Every reachable deadlock: each a state (the step every task is at, its step count once done) in which
    /// some task is unfinished and every unfinished task is at an acquisition of a lock another task holds.
    /// </summary>
    /// <remarks>
    /// A state is the tasks' step indices alone: what a task holds follows from how far it got. Each step
    /// is one atomic move, as under the harness, where every acquire, release and yield is a scheduling point.
    /// A lock's waiters are served first-come first-served there, and here any task may take a free lock;
    /// both reach the same deadlocks, since a schedule can always hold a task back until the lock it wants is free.
    /// </remarks>
    /// <param name="program">The program.</param>
    /// <returns>The deadlocked states, in the order the search met them; empty when the program cannot deadlock.</returns>
    internal static IReadOnlyList<int[]> ReachableDeadlocks(LockProgram program)
    {
        var tasks = program.Tasks.Count;
        var seen = new HashSet<string>();
        var pending = new Queue<int[]>();
        var deadlocks = new List<int[]>();
        pending.Enqueue(new int[tasks]);
        seen.Add(Key(new int[tasks]));
        while (pending.TryDequeue(out var state))
        {
            var holders = Holders(program, state);
            var moved = false;
            for (var task = 0; task < tasks; task++)
            {
                if (!CanMove(program, state, holders, task))
                {
                    continue;
                }

                moved = true;
                var next = (int[])state.Clone();
                next[task]++;
                if (seen.Add(Key(next)))
                {
                    pending.Enqueue(next);
                }
            }

            if (!moved && Enumerable.Range(0, tasks).Any(t => state[t] < program.Tasks[t].Count))
            {
                deadlocks.Add(state);
            }
        }

        return deadlocks;
    }

    /// <summary>
    /// The lock-order-graph condition: acquisitions by distinct tasks, each of a lock the next one holds
    /// at its own acquisition, closing a cycle, with no lock held at two of them (a common "gate" lock
    /// would keep the tasks from being there at once).
    /// </summary>
    /// <param name="program">The program.</param>
    /// <returns>True when such a cycle exists.</returns>
    internal static bool LockOrderGraphHasCycle(LockProgram program)
    {
        var edges = new List<(int Task, IReadOnlyList<int> Held, int Wanted)>();
        for (var task = 0; task < program.Tasks.Count; task++)
        {
            for (var step = 0; step < program.Tasks[task].Count; step++)
            {
                if (program.Tasks[task][step].Kind == LockStepKind.Acquire && program.HeldBefore(task, step) is { Count: > 0 } held)
                {
                    edges.Add((task, held, program.Tasks[task][step].Lock));
                }
            }
        }

        return edges.Any(first => ClosesCycle(edges, [first]));
    }

    // Extends a chain of acquisitions, each wanting a lock the next holds, until one wants a lock the first holds.
    private static bool ClosesCycle(List<(int Task, IReadOnlyList<int> Held, int Wanted)> edges, List<(int Task, IReadOnlyList<int> Held, int Wanted)> chain)
    {
        if (chain.Count >= 2 && chain[0].Held.Contains(chain[^1].Wanted))
        {
            return true;
        }

        foreach (var next in edges)
        {
            if (next.Held.Contains(chain[^1].Wanted)
                && chain.All(c => c.Task != next.Task && !c.Held.Intersect(next.Held).Any())
                && ClosesCycle(edges, [.. chain, next]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanMove(LockProgram program, int[] state, int[] holders, int task)
    {
        var steps = program.Tasks[task];
        if (state[task] == steps.Count)
        {
            return false;
        }

        var step = steps[state[task]];
        return step.Kind != LockStepKind.Acquire || holders[step.Lock] < 0;
    }

    // Which task holds each lock in this state; -1 for a free lock.
    private static int[] Holders(LockProgram program, int[] state)
    {
        var holders = Enumerable.Repeat(-1, program.LockCount).ToArray();
        for (var task = 0; task < state.Length; task++)
        {
            foreach (var held in program.HeldBefore(task, state[task]))
            {
                holders[held] = task;
            }
        }

        return holders;
    }

    private static string Key(int[] state) => string.Join(',', state);
}
