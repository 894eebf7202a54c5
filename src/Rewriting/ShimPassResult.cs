namespace Interleave.Rewriting;

/// <summary>What <see cref="ShimPass"/> did to an assembly.</summary>
/// <param name="RoutedCalls">How many call sites now go through a shim.</param>
/// <param name="CallsByShim">How many of them go to each shim class, by its name.</param>
/// <param name="ObservedFieldAccesses">How many reads and writes of fields are now observed (0 unless asked for).</param>
public sealed record ShimPassResult(int RoutedCalls, IReadOnlyDictionary<string, int> CallsByShim, int ObservedFieldAccesses = 0);
