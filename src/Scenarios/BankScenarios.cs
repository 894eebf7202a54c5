using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Scenarios;

/// <summary>
/// The seed's first example: Alice and Bob each withdraw 800 from a balance of 1000. Checking the
/// balance and withdrawing must be one atomic step, or both may pass the check.
/// </summary>
public static class BankScenarios
{
    private const int OpeningBalance = 1000;
    private const int Amount = 800;

    // Two withdrawals the balance covers together, so every correct run ends at 1000 - 300 - 500.
    private const int SmallAmount = 300;
    private const int OtherSmallAmount = 500;

    /// <summary>Buggy: the check and the withdrawal are split by an await, with no lock.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task UnprotectedWithdraw()
    {
        var account = new Account(OpeningBalance);
        var alice = ControlledTask.Run(() => account.WithdrawUnprotectedAsync(Amount), "Alice");
        var bob = ControlledTask.Run(() => account.WithdrawUnprotectedAsync(Amount), "Bob");
        await Task.WhenAll(alice, bob);
        Specification.Assert(account.Balance >= 0, $"Both withdrew: the balance is {account.Balance}.");
    }

    /// <summary>Correct: the whole check-then-withdraw runs under one lock.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task SafeWithdraw()
    {
        var account = new Account(OpeningBalance);
        var alice = ControlledTask.Run(() => account.WithdrawSafeAsync(Amount), "Alice");
        var bob = ControlledTask.Run(() => account.WithdrawSafeAsync(Amount), "Bob");
        await Task.WhenAll(alice, bob);
        Specification.Assert(account.Balance == OpeningBalance - Amount, $"Expected one withdrawal: the balance is {account.Balance}.");
    }

    /// <summary>
    /// Buggy: each access to the balance is under the lock, but the lock is let go between reading the
    /// balance and writing the reduced one: a withdrawal in between is overwritten.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task StaleBalanceWritten()
    {
        var account = new Account(OpeningBalance);
        var rent = ControlledTask.Run(() => account.WithdrawFromStaleBalanceAsync(SmallAmount), "Rent");
        var groceries = ControlledTask.Run(() => account.WithdrawFromStaleBalanceAsync(OtherSmallAmount), "Groceries");
        await Task.WhenAll(rent, groceries);
        Specification.Assert(
            account.Balance == OpeningBalance - SmallAmount - OtherSmallAmount,
            $"A withdrawal was lost: the balance is {account.Balance}.");
    }

    /// <summary>Correct: after the await the balance is read again under the lock that the write is done under.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task BalanceRecheckedUnderLock()
    {
        var account = new Account(OpeningBalance);
        var rent = ControlledTask.Run(() => account.WithdrawRecheckingAsync(SmallAmount), "Rent");
        var groceries = ControlledTask.Run(() => account.WithdrawRecheckingAsync(OtherSmallAmount), "Groceries");
        await Task.WhenAll(rent, groceries);
        Specification.Assert(
            account.Balance == OpeningBalance - SmallAmount - OtherSmallAmount,
            $"A withdrawal was lost: the balance is {account.Balance}.");
    }

    private sealed class Account(int balance)
    {
        private readonly AsyncLock _lock = new("account");
        private readonly Shared<int> _balance = new(balance, "balance");

        public int Balance => _balance.Read();

        public async Task WithdrawUnprotectedAsync(int amount)
        {
            if (_balance.Read() >= amount)
            {
                await ControlledTask.Yield(); // the "processing time" of the seed's asyncio.sleep(0.1)
                _balance.Write(_balance.Read() - amount);
            }
        }

        public async Task WithdrawFromStaleBalanceAsync(int amount)
        {
            int seen;
            using (await _lock.AcquireAsync())
            {
                seen = _balance.Read();
            }

            if (seen >= amount)
            {
                await ControlledTask.Yield(); // approving the payment
                using (await _lock.AcquireAsync())
                {
                    _balance.Write(seen - amount);
                }
            }
        }

        public async Task WithdrawRecheckingAsync(int amount)
        {
            using (await _lock.AcquireAsync())
            {
                if (_balance.Read() < amount)
                {
                    return;
                }
            }

            await ControlledTask.Yield(); // approving the payment
            using (await _lock.AcquireAsync())
            {
                var now = _balance.Read();
                if (now >= amount)
                {
                    _balance.Write(now - amount);
                }
            }
        }

        public async Task WithdrawSafeAsync(int amount)
        {
            using (await _lock.AcquireAsync())
            {
                if (_balance.Read() >= amount)
                {
                    await ControlledTask.Yield();
                    _balance.Write(_balance.Read() - amount);
                }
            }
        }
    }
}
