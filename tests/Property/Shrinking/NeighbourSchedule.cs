using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.NativeEngine;

namespace Interleave.Tests.Property.Shrinking;

/// <summary>
/// A schedule next to a recorded one, for checking that a minimal schedule is 1-minimal: the recorded choices up
/// to <paramref name="changeAt"/>, the one <paramref name="change"/> there, then the recorded choice wherever it
/// still can run and the preemption budget allows it, else the running task goes on (else the first that can run).
/// </summary>
/// <param name="recorded">The operation the recorded schedule ran at each step.</param>
/// <param name="change">What changes.</param>
/// <param name="changeAt">The step, from 1, where it changes.</param>
/// <param name="preemptionBudget">The preemptions the schedule may make from the changed step on.</param>
internal sealed class NeighbourSchedule(IReadOnlyList<int> recorded, NeighbourChange change, int changeAt, int preemptionBudget) : INativeStrategy
{
    private TaskIdentity? _leftOut;
    private int _budget = preemptionBudget;

    /// <summary>The steps, from 1, at which the schedule switched away from an operation that could go on.</summary>
    internal List<int> PreemptedSteps { get; } = [];

    /// <summary>The task of the operation chosen at each step, where it is known (an operation that started has one).</summary>
    internal List<TaskIdentity?> ChosenTasks { get; } = [];

    public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
    {
        var index = change == NeighbourChange.None || step < changeAt ? Recorded(enabled, step) : Changed(enabled, current, step);
        if (index < 0)
        {
            return index;
        }

        if (current is not null && enabled[index] != current)
        {
            PreemptedSteps.Add(step);
        }

        ChosenTasks.Add(enabled[index].Task);
        return index;
    }

    private int Recorded(IReadOnlyList<NativeOperation> enabled, int step)
    {
        // Past the recorded steps (the harness stopped at a race this bare run does not check), the first goes on.
        if (step > recorded.Count)
        {
            return 0;
        }

        for (var index = 0; index < enabled.Count; index++)
        {
            if (enabled[index].Id == recorded[step - 1])
            {
                return index;
            }
        }

        return -1;
    }

    private int Changed(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
    {
        if (step == changeAt && change == NeighbourChange.UndoPreemption)
        {
            return IndexOf(enabled, current ?? throw new InvalidOperationException($"Step {step} preempts no operation."));
        }

        if (step == changeAt)
        {
            _leftOut = enabled[Recorded(enabled, step)].Task;
        }

        var allowed = Enumerable.Range(0, enabled.Count).Where(i => _leftOut is null || enabled[i].Task != _leftOut).ToList();
        if (allowed.Count == 0)
        {
            allowed = [.. Enumerable.Range(0, enabled.Count)];
        }

        var keepsCurrent = current is not null && allowed.Contains(IndexOf(enabled, current));
        var wanted = step <= recorded.Count ? allowed.FirstOrDefault(i => enabled[i].Id == recorded[step - 1], -1) : -1;
        if (wanted >= 0 && (!keepsCurrent || enabled[wanted] == current || _budget > 0))
        {
            _budget -= keepsCurrent && enabled[wanted] != current ? 1 : 0;
            return wanted;
        }

        return keepsCurrent ? IndexOf(enabled, current!) : allowed[0];
    }

    private static int IndexOf(IReadOnlyList<NativeOperation> enabled, NativeOperation operation)
    {
        for (var index = 0; index < enabled.Count; index++)
        {
            if (enabled[index] == operation)
            {
                return index;
            }
        }

        return -1;
    }
}
