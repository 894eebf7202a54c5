namespace Interleave.Tests.Property;

/// <summary>
/// The step each task of a generated program has reached in the schedule that ran last: the test's own
/// record of where a deadlock left every task, kept apart from the harness's account so the two can be compared.
/// </summary>
/// <remarks>
/// Coyote runs one task at a time, and the exploration stops at the first failing schedule, so once
/// <c>Explorer.Run</c> returns a deadlock this holds the deadlocked schedule's positions.
/// </remarks>
public sealed class TaskProgress
{
    private int[] _steps = [];

    /// <summary>For each task, the index of the step it is at (the one it waits in, if it waits), or its step count once done.</summary>
    public IReadOnlyList<int> Steps => _steps;

    /// <summary>Starts a new schedule: every task at its first step.</summary>
    /// <param name="tasks">How many tasks the program has.</param>
    public void Reset(int tasks) => _steps = new int[tasks];

    /// <summary>Records that <paramref name="task"/> starts its step <paramref name="step"/>.</summary>
    /// <param name="task">The task's index.</param>
    /// <param name="step">The step's index, or the task's step count when it is done.</param>
    public void Reached(int task, int step) => _steps[task] = step;
}
