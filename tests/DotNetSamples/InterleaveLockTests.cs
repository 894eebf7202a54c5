using Interleave.Primitives;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.DotNetSamples;

/// <summary>
/// Interleave primitives inside code that starts its tasks with <see cref="Task.Run(Func{Task})"/>: two
/// transfers between the same two accounts, each taking both accounts' locks.
/// </summary>
public static class InterleaveLockTests
{
    /// <summary>Buggy: each transfer locks its source first, so two transfers in opposite directions can each hold one lock and wait for the other.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task OppositeOrderDeadlocks()
    {
        var (a, b) = (new AsyncLock("account-a"), new AsyncLock("account-b"));
        return Task.WhenAll(Task.Run(() => TransferAsync(a, b)), Task.Run(() => TransferAsync(b, a)));
    }

    /// <summary>Correct: both transfers lock the accounts in one order.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task OneOrderNeverDeadlocks()
    {
        var (a, b) = (new AsyncLock("account-a"), new AsyncLock("account-b"));
        return Task.WhenAll(Task.Run(() => TransferAsync(a, b)), Task.Run(() => TransferAsync(a, b)));
    }

    private static async Task TransferAsync(AsyncLock first, AsyncLock second)
    {
        using (await first.AcquireAsync())
        {
            using (await second.AcquireAsync())
            {
                await Task.Yield(); // the transfer
            }
        }
    }
}
