namespace Interleave.Primitives.NativeEngine;

/// <summary>Chooses, at each scheduling step of a native iteration, which enabled operation runs next.</summary>
internal interface INativeStrategy
{
    /// <summary>The index in <paramref name="enabled"/> of the operation to run, or -1 when none fits (a replay that diverged).</summary>
    /// <param name="enabled">The operations that can run, in the order they were created (never empty).</param>
    /// <param name="current">The operation that reached the point and can go on, or null when it finished.</param>
    /// <param name="step">The number of this step in the iteration, from 1.</param>
    int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step);
}
