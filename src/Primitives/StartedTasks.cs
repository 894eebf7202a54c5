using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives;

/// <summary>
/// The tasks <see cref="ControlledTask"/> started in an observed run, by their <see cref="Task"/>, so that an
/// await of one in rewritten code is a join of it: a step of the account ("join task T1 Writer") after which
/// the awaiting task has seen all the awaited one did.
/// </summary>
internal static class StartedTasks
{
    private static readonly ConditionalWeakTable<Task, StartedTask> Identities = new();
    private static readonly PrimitiveName Tasks = new(PrimitiveKind.ControlledTask, "task");

    /// <summary>Remembers that <paramref name="task"/> runs as <paramref name="identity"/>; returns the task.</summary>
    internal static T Register<T>(T task, TaskIdentity identity)
        where T : Task
    {
        Identities.AddOrUpdate(task, new StartedTask(identity));
        return task;
    }

    /// <summary>Reports that the current task has taken the outcome of <paramref name="task"/>, if it is a started one that has ended.</summary>
    internal static void Joined(Task task, string callerFile, int callerLine)
    {
        if (task.IsCompleted && PrimitiveEvents.IsObserved && Identities.TryGetValue(task, out var started))
        {
            PrimitiveEvents.Report(Tasks, PrimitiveOperation.Join, OperationOutcome.Completed, -1, callerFile, callerLine, started.Identity);
        }
    }

    private sealed class StartedTask(TaskIdentity identity)
    {
        internal TaskIdentity Identity { get; } = identity;
    }
}
