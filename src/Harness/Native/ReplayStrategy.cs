using System.Globalization;
using Interleave.Primitives.NativeEngine;

namespace Interleave.Harness.Native;

/// <summary>Chooses, at step k, the operation the recorded schedule ran at step k; says where that stops fitting.</summary>
internal sealed class ReplayStrategy(IReadOnlyList<int> choices) : INativeStrategy
{
    /// <summary>Why the replay could not go on, once it could not ("the trace runs operation 7, but the enabled operations are 5, 6").</summary>
    internal string? Divergence { get; private set; }

    public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
    {
        if (step > choices.Count)
        {
            Divergence = string.Create(CultureInfo.InvariantCulture, $"the trace ends at step {choices.Count}, and the schedule goes on");
            return -1;
        }

        var wanted = choices[step - 1];
        for (var index = 0; index < enabled.Count; index++)
        {
            if (enabled[index].Id == wanted)
            {
                return index;
            }
        }

        Divergence = string.Create(
            CultureInfo.InvariantCulture,
            $"the trace runs operation {wanted}, but the enabled operations are {string.Join(", ", enabled.Select(o => o.Id))}");
        return -1;
    }
}
