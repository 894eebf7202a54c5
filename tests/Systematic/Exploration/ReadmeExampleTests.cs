using Interleave.Harness;
using Microsoft.Coyote.Specifications;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>The README's example, verbatim, so the README cannot drift from what works.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void Withdrawals_WithoutLock_OverdrawTheAccount()
    {
        var report = Explorer.Run(async () =>
        {
            var balance = 1000;
            async Task WithdrawAsync(int amount)
            {
                if (balance >= amount) { await ControlledTask.Yield(); balance -= amount; }
            }

            await Task.WhenAll(ControlledTask.Run(() => WithdrawAsync(800)), ControlledTask.Run(() => WithdrawAsync(800)));
            Specification.Assert(balance >= 0, $"Overdrawn: the balance is {balance}.");
        }, new ExplorationOptions { Iterations = 100 });
        Assert.Equal(Verdict.AssertionFailure, report.Verdict); // "Overdrawn: the balance is -600."
    }
}
