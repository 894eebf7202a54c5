using Interleave.Primitives.NativeEngine;

namespace Interleave.Harness.Shrinking;

/// <summary>
/// A failing schedule with one of its preemptions undone: its choices up to <paramref name="undoneStep"/>, the
/// operation it preempted there going on instead, then its choices wherever they still can run (else the
/// running operation goes on, else the first that can). Step 0 undoes none: the schedule itself. Notes the
/// steps at which it preempts, the ones to try undoing next.
/// </summary>
/// <param name="recorded">The operation the schedule ran at each step.</param>
/// <param name="undoneStep">The step, from 1, whose preemption is undone; 0 for none.</param>
internal sealed class PreemptionUndone(IReadOnlyList<int> recorded, int undoneStep) : INativeStrategy
{
    /// <summary>The steps, from 1, at which this schedule switched away from an operation that could go on.</summary>
    internal List<int> PreemptedSteps { get; } = [];

    public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
    {
        var index = step == undoneStep && current is not null ? IndexOf(enabled, current) : Follow(enabled, current, step);
        if (current is not null && enabled[index] != current)
        {
            PreemptedSteps.Add(step);
        }

        return index;
    }

    private int Follow(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
    {
        if (step <= recorded.Count)
        {
            for (var index = 0; index < enabled.Count; index++)
            {
                if (enabled[index].Id == recorded[step - 1])
                {
                    return index;
                }
            }
        }

        return current is null ? 0 : IndexOf(enabled, current);
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

        throw new InvalidOperationException("The running operation is not among the enabled ones.");
    }
}
