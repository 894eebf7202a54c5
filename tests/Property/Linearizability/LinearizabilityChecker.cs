namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Decides whether a concurrent history is linearizable against a sequential model: whether its operations
/// can be put in one order that respects real time (an operation that returned before another was called
/// comes first) and in which the model, applying them one by one, gives every returned operation the result
/// it observed. Operations still pending at the end may take effect anywhere after their call, or not at all.
/// </summary>
/// <remarks>
/// The Wing &amp; Gong search with Lowe's memoisation (G. Lowe, "Testing for linearizability", 2016; the "WGL"
/// checker of knossos and porcupine): repeatedly choose a minimal operation (one called before every return
/// of the operations not yet linearized), apply it to the model, keep it if the model gives its observed
/// result, and search on; backtrack otherwise. A (set of linearized operations, model state) pair seen once
/// is never searched again: the rest of the search depends on nothing else.
/// </remarks>
internal static class LinearizabilityChecker
{
    /// <summary>The most operations one history may hold: the linearized set is a 64-bit mask.</summary>
    public const int MaxOperations = 64;

    /// <summary>Checks <paramref name="history"/> against <paramref name="specification"/>.</summary>
    /// <exception cref="ArgumentException">The history has more than <see cref="MaxOperations"/> operations, or an operation returns before it is called.</exception>
    public static LinearizabilityVerdict Check<TState, TOperation, TResult>(
        IReadOnlyList<HistoryOperation<TOperation, TResult>> history,
        ISequentialSpecification<TState, TOperation, TResult> specification)
    {
        if (history.Count > MaxOperations)
        {
            throw new ArgumentException($"A history may hold at most {MaxOperations} operations; this one has {history.Count}.", nameof(history));
        }

        if (history.FirstOrDefault(operation => operation.Return <= operation.Call) is { } backwards)
        {
            throw new ArgumentException($"An operation returns before it is called: {backwards}.", nameof(history));
        }

        var search = new Search<TState, TOperation, TResult>(history, specification);
        var found = search.Run(0, specification.InitialState);
        return new LinearizabilityVerdict(found, found ? search.Order.ToArray() : search.LongestOrder, search.Visited.Count);
    }

    private sealed class Search<TState, TOperation, TResult>(
        IReadOnlyList<HistoryOperation<TOperation, TResult>> history,
        ISequentialSpecification<TState, TOperation, TResult> specification)
    {
        // Searching operations in call order finds the obvious order first in the common case.
        private readonly int[] _byCall = Enumerable.Range(0, history.Count).OrderBy(i => history[i].Call).ToArray();
        private readonly ulong _complete = history
            .Select((operation, index) => operation.IsComplete ? 1UL << index : 0UL)
            .Aggregate(0UL, (mask, bit) => mask | bit);

        public HashSet<(ulong Linearized, TState State)> Visited { get; } = [];

        public List<int> Order { get; } = [];

        public int[] LongestOrder { get; private set; } = [];

        public bool Run(ulong linearized, TState state)
        {
            if ((linearized & _complete) == _complete)
            {
                return true; // every returned operation is explained; pending ones may never have taken effect
            }

            if (!Visited.Add((linearized, state)))
            {
                return false;
            }

            // An operation may go next only if it was called before every return still to be explained.
            var horizon = int.MaxValue;
            for (var i = 0; i < history.Count; i++)
            {
                if ((linearized & (1UL << i)) == 0 && history[i].Return is { } returned)
                {
                    horizon = Math.Min(horizon, returned);
                }
            }

            foreach (var i in _byCall)
            {
                var operation = history[i];
                if (operation.Call > horizon)
                {
                    break;
                }

                if ((linearized & (1UL << i)) != 0 || specification.Apply(state, operation.Operation) is not { } effect)
                {
                    continue;
                }

                if (operation.IsComplete && !EqualityComparer<TResult>.Default.Equals(effect.Result, operation.Result))
                {
                    continue;
                }

                Order.Add(i);
                if (Order.Count > LongestOrder.Length)
                {
                    LongestOrder = Order.ToArray();
                }

                if (Run(linearized | (1UL << i), effect.State))
                {
                    return true;
                }

                Order.RemoveAt(Order.Count - 1);
            }

            return false;
        }
    }
}
