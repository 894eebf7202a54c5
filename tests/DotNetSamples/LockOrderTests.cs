using Microsoft.Coyote.SystematicTesting;

namespace Interleave.DotNetSamples;

/// <summary>Two transfers between the same two accounts, each under both accounts' <c>lock</c>s.</summary>
public static class LockOrderTests
{
    /// <summary>Buggy: each transfer locks its source first, so two transfers in opposite directions can each hold one lock and wait for the other.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task OppositeOrderDeadlocks()
    {
        var (a, b) = (new Account(), new Account());
        return Task.WhenAll(Task.Run(() => Transfer(a, b)), Task.Run(() => Transfer(b, a)));
    }

    /// <summary>Correct: both transfers lock the accounts in one order.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task OneOrderNeverDeadlocks()
    {
        var (a, b) = (new Account(), new Account());
        return Task.WhenAll(Task.Run(() => Transfer(a, b)), Task.Run(() => Transfer(a, b)));
    }

    private static void Transfer(Account from, Account to)
    {
        lock (from)
        {
            lock (to)
            {
                from.Balance -= 10;
                to.Balance += 10;
            }
        }
    }

    private sealed class Account
    {
        public int Balance { get; set; } = 100;
    }
}
