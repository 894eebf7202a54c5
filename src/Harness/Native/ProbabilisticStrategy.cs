using Interleave.Primitives.NativeEngine;

namespace Interleave.Harness.Native;

/// <summary>
/// Coyote's <c>probabilistic</c>: the operation that reached the point goes on unless <c>bound</c> fair coins
/// all come up tails, and then the choice is uniform among the enabled operations. A task thus runs long
/// stretches alone and is preempted, with probability 2^-bound at each point, anywhere: the shape of a bug
/// that needs one preemption at one point, which a uniform walk, switching at almost every step, rarely takes.
/// </summary>
internal sealed class ProbabilisticStrategy(uint seed, int bound) : INativeStrategy
{
    /// <summary>The coins Coyote flips (<c>WithProbabilisticStrategy()</c>'s default): a switch at one point in eight.</summary>
    internal const int CoyoteBound = 3;

    private readonly Random _random = new(unchecked((int)seed));

    public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
    {
        if (enabled.Count == 1)
        {
            return 0;
        }

        if (current is not null && !ShouldSwitch())
        {
            for (var index = 0; index < enabled.Count; index++)
            {
                if (enabled[index] == current)
                {
                    return index;
                }
            }
        }

        return _random.Next(enabled.Count);
    }

    private bool ShouldSwitch()
    {
        for (var flip = 0; flip < bound; flip++)
        {
            if (_random.Next(2) == 1)
            {
                return false;
            }
        }

        return true;
    }
}
