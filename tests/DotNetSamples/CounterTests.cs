using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.DotNetSamples;

/// <summary>
/// Two tasks count a hit each on one counter. The plain <c>count++</c> is a read and a write that another
/// task can come between: only <c>--observe-fields</c> lets the scheduler switch there and see the race.
/// </summary>
public static class CounterTests
{
    /// <summary>Buggy: <c>_count++</c> with nothing guarding it; one hit can be lost.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task UnguardedIncrementLosesAHit() => CountTwoHitsAsync(counter => counter.HitUnguarded());

    /// <summary>Correct: the increment under a <c>lock</c>.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task LockedIncrementCountsEveryHit() => CountTwoHitsAsync(counter => counter.HitLocked());

    /// <summary>Correct: <see cref="Interlocked.Increment(ref int)"/>.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task InterlockedIncrementCountsEveryHit() => CountTwoHitsAsync(counter => counter.HitInterlocked());

    /// <summary>Buggy: the count is a local both lambdas capture and increment.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task CapturedCountLosesAHit()
    {
        var hits = 0;
        await Task.WhenAll(Task.Run(() => hits++), Task.Run(() => hits++));
        Specification.Assert(hits == 2, $"Two hits counted as {hits}.");
    }

    private static async Task CountTwoHitsAsync(Action<Counter> hit)
    {
        var counter = new Counter();
        await Task.WhenAll(Task.Run(() => hit(counter)), Task.Run(() => hit(counter)));
        Specification.Assert(counter.Count == 2, $"Two hits counted as {counter.Count}.");
    }

    private sealed class Counter
    {
        private readonly object _gate = new();
        private int _count;

        public int Count => _count;

        public void HitUnguarded() => _count++;

        public void HitLocked()
        {
            lock (_gate)
            {
                _count++;
            }
        }

        public void HitInterlocked() => Interlocked.Increment(ref _count);
    }
}
