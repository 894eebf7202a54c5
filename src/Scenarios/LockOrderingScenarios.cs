using Interleave.Primitives;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Scenarios;

/// <summary>
/// The seed's deadlock: two tasks take two locks. In opposite orders each may hold one lock and wait
/// forever for the other; in the same order they cannot.
/// </summary>
public static class LockOrderingScenarios
{
    /// <summary>Buggy: task 1 takes A then B, task 2 takes B then A.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task OppositeOrder()
    {
        var a = new AsyncLock("lock_a");
        var b = new AsyncLock("lock_b");
        await Task.WhenAll(
            ControlledTask.Run(() => TakeBothAsync(a, b), "task1"),
            ControlledTask.Run(() => TakeBothAsync(b, a), "task2"));
    }

    /// <summary>Correct: both tasks take A then B.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task ConsistentOrder()
    {
        var a = new AsyncLock("lock_a");
        var b = new AsyncLock("lock_b");
        await Task.WhenAll(
            ControlledTask.Run(() => TakeBothAsync(a, b), "task1"),
            ControlledTask.Run(() => TakeBothAsync(a, b), "task2"));
    }

    private static async Task TakeBothAsync(AsyncLock first, AsyncLock second)
    {
        using (await first.AcquireAsync())
        {
            using (await second.AcquireAsync())
            {
                await ControlledTask.Yield();
            }
        }
    }
}
