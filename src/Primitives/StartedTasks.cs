using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives;

/// <summary>
/// The tasks <see cref="ControlledTask"/> started in an observed run, by their <see cref="Task"/> (and the
/// tasks of <c>Task.WhenAll</c> over them), so that an await, a <c>Wait</c> or a <c>Result</c> of one in
/// rewritten code is a join of it: a step of the account ("join task T1 Writer") after which the joining
/// task has seen all the joined one did.
/// </summary>
internal static class StartedTasks
{
    private static readonly ConditionalWeakTable<Task, Joins> Identities = new();
    private static readonly PrimitiveName Tasks = new(PrimitiveKind.ControlledTask, "task");

    /// <summary>Remembers that <paramref name="task"/> runs as <paramref name="identity"/>; returns the task.</summary>
    internal static T Register<T>(T task, TaskIdentity identity)
        where T : Task
    {
        Identities.AddOrUpdate(task, new Joins([identity]));
        return task;
    }

    /// <summary>Remembers that <paramref name="combined"/> (<c>Task.WhenAll</c>'s) ends after every started task of <paramref name="tasks"/>; returns it.</summary>
    internal static T Combined<T>(T combined, IEnumerable<Task> tasks)
        where T : Task
    {
        List<TaskIdentity> identities = [];
        foreach (var task in tasks)
        {
            if (task is not null && Identities.TryGetValue(task, out var joins))
            {
                identities.AddRange(joins.Identities);
            }
        }

        if (identities.Count > 0)
        {
            Identities.AddOrUpdate(combined, new Joins(identities));
        }

        return combined;
    }

    /// <summary>
    /// Reports that the current task has taken the outcome of <paramref name="task"/>: a join of each started
    /// task it stands for, once it has ended.
    /// </summary>
    internal static void Joined(Task task, string callerFile, int callerLine)
    {
        if (task.IsCompleted && PrimitiveEvents.IsObserved && Identities.TryGetValue(task, out var joins))
        {
            foreach (var identity in joins.Identities)
            {
                PrimitiveEvents.Report(Tasks, PrimitiveOperation.Join, OperationOutcome.Completed, -1, callerFile, callerLine, identity);
            }
        }
    }

    /// <summary><see cref="Joined(Task, string, int)"/> for each of <paramref name="tasks"/>.</summary>
    internal static void Joined(Task[] tasks, string callerFile, int callerLine)
    {
        foreach (var task in tasks)
        {
            if (task is not null)
            {
                Joined(task, callerFile, callerLine);
            }
        }
    }

    private sealed class Joins(IReadOnlyList<TaskIdentity> identities)
    {
        internal IReadOnlyList<TaskIdentity> Identities { get; } = identities;
    }
}
