namespace Interleave.Scenarios;

/// <summary>Every built-in scenario, in the order of the seed tutorial.</summary>
public static class ScenarioCatalog
{
    /// <summary>The scenarios, each correct program beside its buggy twin.</summary>
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("bank.unprotected-withdraw", "Two withdrawals check the balance, await, then subtract: both pass the check.",
            BankScenarios.UnprotectedWithdraw, IsBuggy: true),
        new("bank.safe-withdraw", "The same withdrawals under one lock: exactly one succeeds.",
            BankScenarios.SafeWithdraw, IsBuggy: false),
        new("locks.opposite-order", "Two tasks take two locks in opposite orders: each holds one and waits for the other.",
            LockOrderingScenarios.OppositeOrder, IsBuggy: true),
        new("locks.consistent-order", "Both tasks take the locks in the same order: no deadlock.",
            LockOrderingScenarios.ConsistentOrder, IsBuggy: false),
    ];
}
