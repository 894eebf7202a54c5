using System.Runtime.CompilerServices;

namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// Numbers tasks and unnamed primitives per test iteration under Coyote, so every iteration (and every
/// replay of it) names them alike: T1, T2, AsyncLock#1, ... In production the numbers are process-wide.
/// </summary>
internal static class IterationCounters
{
    // Each Coyote iteration runs on its own runtime instance, each native one is its own; one operation runs at a time.
    private static readonly ConditionalWeakTable<object, Dictionary<PrimitiveKind, int>> PerIteration = new();

    /// <summary>The next number for <paramref name="key"/>, counted in the current iteration or, outside a test, in <paramref name="processWide"/>.</summary>
    internal static int Next(PrimitiveKind key, ref int processWide)
    {
        if (!Scheduling.IsControlled)
        {
            return Interlocked.Increment(ref processWide);
        }

        var counters = PerIteration.GetValue(Scheduling.CurrentIteration, static _ => []);
        lock (counters)
        {
            counters.TryGetValue(key, out var last);
            counters[key] = ++last;
            return last;
        }
    }
}
