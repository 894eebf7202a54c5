namespace Interleave.Tests.Property;

/// <summary>
/// Wing and Gong's linearizability check, with Lowe's memoisation: is there an order of a concurrent
/// history's operations, consistent with real time (an operation that returned before another was called
/// comes first), in which a sequential model gives every completed operation the result it returned?
/// Operations still pending at the end may take effect or not.
/// </summary>
/// <typeparam name="TState">The sequential model's state; equal states must give equal <see cref="object.ToString"/>.</typeparam>
/// <param name="initial">The model's state before any operation.</param>
/// <param name="apply">
/// Applies an operation to a state: null when the operation cannot take effect there (a get from an empty
/// queue waits), else the next state and the result the model gives.
/// </param>
internal sealed class LinearizabilityChecker<TState>(TState initial, Func<TState, HistoryOperation, (TState Next, object? Result)?> apply)
{
    /// <summary>Whether <paramref name="history"/> (at most 64 operations) is linearizable.</summary>
    internal bool IsLinearizable(IReadOnlyList<HistoryOperation> history)
    {
        if (history.Count > 64)
        {
            throw new ArgumentException("At most 64 operations: the search keeps the linearized ones in a 64-bit set.", nameof(history));
        }

        var completed = 0UL;
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Returned)
            {
                completed |= 1UL << i;
            }
        }

        return Search(history, 0UL, completed, initial, []);
    }

    private bool Search(IReadOnlyList<HistoryOperation> history, ulong done, ulong completed, TState state, HashSet<(ulong, string)> failed)
    {
        if ((done & completed) == completed)
        {
            return true;
        }

        if (!failed.Add((done, state?.ToString() ?? string.Empty)))
        {
            return false; // this set of operations already led nowhere from this state
        }

        // An operation may go next only if no other undone operation returned before it was called.
        var firstReturn = long.MaxValue;
        for (var i = 0; i < history.Count; i++)
        {
            if ((done & (1UL << i)) == 0 && history[i].Returned)
            {
                firstReturn = Math.Min(firstReturn, history[i].ReturnedAt);
            }
        }

        for (var i = 0; i < history.Count; i++)
        {
            var operation = history[i];
            if ((done & (1UL << i)) != 0 || operation.CalledAt > firstReturn)
            {
                continue;
            }

            if (apply(state, operation) is { } step && (!operation.Returned || Equals(step.Result, operation.Result))
                && Search(history, done | (1UL << i), completed, step.Next, failed))
            {
                return true;
            }
        }

        return false;
    }
}
