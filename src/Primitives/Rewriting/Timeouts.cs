namespace Interleave.Primitives.Rewriting;

/// <summary>A wait's <see cref="TimeSpan"/> as the milliseconds .NET's waits take, with .NET's check of its range.</summary>
internal static class Timeouts
{
    internal static int Milliseconds(TimeSpan timeout)
    {
        var milliseconds = (long)timeout.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, Timeout.Infinite, nameof(timeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(milliseconds, int.MaxValue, nameof(timeout));
        return (int)milliseconds;
    }
}
