namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Whether a program can deadlock on the sequential model: a search of every interleaving of its tasks'
/// operations, each taking effect at once as in the model, for a point where some task is unfinished and
/// every unfinished task's next operation cannot take effect.
/// </summary>
/// <remarks>
/// An object linearizable against the model, whose operations wait only while the model says they cannot
/// take effect, deadlocks only where the model does: its stuck tasks' waiting operations have not taken
/// effect, and those that returned leave it in the model state of a linearization. So a program this search
/// clears must never end in a Deadlock verdict; if it does, the object has a bug.
/// </remarks>
internal static class ModelDeadlockSearch
{
    private const int MaxTasks = 8;
    private const int MaxOperationsPerTask = 255;

    /// <summary>
    /// An interleaving's end where the program is stuck: the index, in each task, of the operation it is stuck
    /// at (or the task's length when it finished); null when no interleaving gets stuck.
    /// </summary>
    /// <exception cref="ArgumentException">The program has more than 8 tasks or a task more than 255 operations.</exception>
    public static int[]? FindStuckPoint<TState, TOperation, TResult>(
        ConcurrentProgram<TOperation> program,
        ISequentialSpecification<TState, TOperation, TResult> specification)
    {
        if (program.Tasks.Count > MaxTasks || program.Tasks.Any(task => task.Count > MaxOperationsPerTask))
        {
            throw new ArgumentException($"The search handles up to {MaxTasks} tasks of up to {MaxOperationsPerTask} operations.", nameof(program));
        }

        var visited = new HashSet<(ulong Positions, TState State)>();
        var positions = new int[program.Tasks.Count];
        return Search(specification.InitialState) ? positions : null;

        bool Search(TState state)
        {
            if (!visited.Add((Pack(positions), state)))
            {
                return false;
            }

            var unfinished = false;
            var moved = false;
            for (var task = 0; task < positions.Length; task++)
            {
                var operations = program.Tasks[task];
                if (positions[task] == operations.Count)
                {
                    continue;
                }

                unfinished = true;
                if (specification.Apply(state, operations[positions[task]]) is { } effect)
                {
                    moved = true;
                    positions[task]++;
                    if (Search(effect.State))
                    {
                        return true;
                    }

                    positions[task]--;
                }
            }

            return unfinished && !moved;
        }
    }

    private static ulong Pack(int[] positions) =>
        positions.Aggregate(0UL, (packed, position) => (packed << 8) | (uint)position);
}
