using System.Collections.Concurrent;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.DotNetSamples;

/// <summary>
/// Two requests open the same account at once on a <see cref="ConcurrentDictionary{TKey, TValue}"/>: each
/// operation of the dictionary is atomic, a check followed by an act is not.
/// </summary>
public static class AccountStoreTests
{
    /// <summary>Buggy: each request checks that the account is new, then stores its deposit; both can pass the check.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task CheckThenAddOpensTwice() => OpenTwiceAsync(static (store, deposit) => store.OpenIfNew(deposit));

    /// <summary>Correct: <see cref="ConcurrentDictionary{TKey, TValue}.TryAdd"/> checks and adds in one step.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task TryAddOpensOnce() => OpenTwiceAsync(static (store, deposit) => store.TryOpen(deposit));

    private static async Task OpenTwiceAsync(Func<AccountStore, decimal, bool> open)
    {
        var store = new AccountStore();
        var opened = await Task.WhenAll(
            Task.Run(() => open(store, 10m)),
            Task.Run(() => open(store, 20m)));
        Specification.Assert(
            opened.Count(o => o) == 1,
            $"Account 'ann' opened by {opened.Count(o => o)} requests; its balance is {store.Balance}.");
    }

    private sealed class AccountStore
    {
        private const string Name = "ann";
        private readonly ConcurrentDictionary<string, decimal> _balances = new();

        public decimal Balance => _balances.GetValueOrDefault(Name);

        public bool OpenIfNew(decimal deposit)
        {
            if (_balances.ContainsKey(Name))
            {
                return false;
            }

            _balances[Name] = deposit;
            return true;
        }

        public bool TryOpen(decimal deposit) => _balances.TryAdd(Name, deposit);
    }
}
