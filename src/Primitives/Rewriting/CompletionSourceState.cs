using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// The name and awaiting tasks of one <see cref="TaskCompletionSource"/> (or its generic twin) under test, kept
/// beside its task, which is what an <c>await</c> sees: its completions and the awaits of its task are steps of
/// the account (a set, a wait), a set is the release and an await the acquire of a happens-before edge, and a
/// task awaiting it is in the wait-for graph until it resumes. The completion itself stays .NET's. Only one
/// controlled operation runs at a time, so the state needs no lock of its own.
/// </summary>
internal sealed class CompletionSourceState
{
    private static readonly ConditionalWeakTable<Task, CompletionSourceState> States = new();
    private static int _instances;

    private readonly HashSet<TaskIdentity> _awaiting = [];
    private readonly PrimitiveName _name = new(PrimitiveKind.TaskCompletionSource, null, ref _instances);

    /// <summary>The state of the source whose task is <paramref name="task"/>, made at its first use under test.</summary>
    internal static CompletionSourceState? For(Task task) =>
        Scheduling.IsControlled && PrimitiveEvents.IsObserved ? States.GetValue(task, static _ => new CompletionSourceState()) : null;

    /// <summary>The state of <paramref name="task"/>, if a source under test made it.</summary>
    internal static CompletionSourceState? Of(Task? task) =>
        task is not null && Scheduling.IsControlled && States.TryGetValue(task, out var state) ? state : null;

    /// <summary>
    /// Under test, a scheduling point and the step of an attempt to complete the source of <paramref name="task"/>:
    /// set (waking those awaiting it) or refused (completed already). Called before .NET completes the task, or
    /// throws because it was completed already.
    /// </summary>
    internal static void Completing(Task task, string callerFile, int callerLine)
    {
        if (For(task) is not { } state)
        {
            return;
        }

        Scheduling.Point();
        var (outcome, woken) = task.IsCompleted ? (OperationOutcome.Refused, 0) : (OperationOutcome.Completed, state._awaiting.Count);
        PrimitiveEvents.Report(state._name, PrimitiveOperation.Set, outcome, woken, callerFile, callerLine);
    }

    /// <summary>
    /// The state of <paramref name="task"/> if a source under test made it, before its result is taken: if the
    /// task has not completed (a <c>GetResult</c> without an <c>await</c>), the current task is awaiting it.
    /// </summary>
    internal static CompletionSourceState? TakingResult(Task task, string callerFile, int callerLine)
    {
        var state = Of(task);
        if (state is not null && !task.IsCompleted)
        {
            state.Awaiting(callerFile, callerLine);
        }

        return state;
    }

    /// <summary>Reports the current task awaiting the source's task, which has not completed yet.</summary>
    internal void Awaiting(string callerFile, int callerLine)
    {
        if (_awaiting.Add(ControlledTask.CurrentIdentity))
        {
            PrimitiveEvents.Report(_name, PrimitiveOperation.Wait, OperationOutcome.Blocked, 0, callerFile, callerLine);
        }
    }

    /// <summary>Reports the current task having taken the result of <paramref name="task"/>: at once, or after awaiting it.</summary>
    internal void TookResult(Task task, string callerFile, int callerLine)
    {
        // Not when the schedule ended while the task waited: then nothing resumed.
        if (!task.IsCompleted)
        {
            return;
        }

        var outcome = _awaiting.Remove(ControlledTask.CurrentIdentity) ? OperationOutcome.Resumed : OperationOutcome.Completed;
        PrimitiveEvents.Report(_name, PrimitiveOperation.Wait, outcome, 0, callerFile, callerLine);
    }
}
