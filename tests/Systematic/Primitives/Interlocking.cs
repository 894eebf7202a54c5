namespace Interleave.Tests.Systematic.Primitives;

/// <summary>Atomic updates the stress and contract tests share.</summary>
internal static class Interlocking
{
    /// <summary>Raises <paramref name="location"/> to <paramref name="value"/> unless it is already higher, atomically.</summary>
    internal static void Max(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
