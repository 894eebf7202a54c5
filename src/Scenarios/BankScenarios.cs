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
