namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// A generated concurrent program: for each task, the operations it performs in order; then, once every task
/// has ended, the operations the main task performs (reads that check nothing was lost or made up).
/// </summary>
/// <typeparam name="TOperation">What a task can do.</typeparam>
/// <param name="Tasks">The operations of task 1, task 2, and so on.</param>
/// <param name="Finale">What the main task does after joining them all; it must not wait.</param>
internal sealed record ConcurrentProgram<TOperation>(IReadOnlyList<IReadOnlyList<TOperation>> Tasks, IReadOnlyList<TOperation> Finale)
{
    /// <summary>A program with no finale.</summary>
    /// <param name="tasks">The operations of task 1, task 2, and so on.</param>
    public ConcurrentProgram(IReadOnlyList<IReadOnlyList<TOperation>> tasks)
        : this(tasks, [])
    {
    }

    /// <summary>
    /// A seed for the exploration, fixed by the program's text, so that FsCheck's replay of a failing case
    /// explores the same schedules again.
    /// </summary>
    public uint Seed => ToString().Aggregate(2166136261u, (hash, character) => (hash ^ character) * 16777619u); // FNV-1a

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(" | ", Tasks.Select((operations, index) => $"T{index + 1}: {string.Join(", ", operations)}"))
        + (Finale.Count > 0 ? $" | then main: {string.Join(", ", Finale)}" : string.Empty);
}
