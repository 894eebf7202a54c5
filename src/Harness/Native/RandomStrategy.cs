using Interleave.Primitives.NativeEngine;

namespace Interleave.Harness.Native;

/// <summary>Chooses uniformly among the enabled operations at every step (Coyote's <c>random</c>), from a seed.</summary>
internal sealed class RandomStrategy(uint seed) : INativeStrategy
{
    private readonly Random _random = new(unchecked((int)seed));

    public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step) =>
        enabled.Count == 1 ? 0 : _random.Next(enabled.Count);
}
