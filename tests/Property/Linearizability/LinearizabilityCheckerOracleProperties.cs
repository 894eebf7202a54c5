using Xunit;
using Kind = Interleave.Tests.Property.Linearizability.QueueOperationKind;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// The memoised search against brute force: on random histories of up to six queue operations (overlapping,
/// some pending, results drawn at random so that some fit and some do not), the checker says linearizable
/// exactly when some sequence of the operations, tried one by one over every permutation, respects real time
/// and the model; and the order it returns is such a sequence.
/// </summary>
public class LinearizabilityCheckerOracleProperties
{
    private const int MaxOperations = 6;
    private static readonly QueueSpecification CapacityTwo = new(2, QueueDiscipline.Fifo);

    // What each kind of operation may be seen to return: every result the model can give, and no others.
    private static readonly Dictionary<Kind, string[]> Results = new()
    {
        [Kind.Put] = [QueueSpecification.Accepted],
        [Kind.TryPut] = [QueueSpecification.Accepted, QueueSpecification.Refused],
        [Kind.Get] = ["1", "2"],
        [Kind.TryGet] = ["1", "2", QueueSpecification.Nothing],
        [Kind.Count] = ["0", "1", "2"],
    };

    [ScaledProperty(1000)]
    public void Checker_AgreesWithBruteForce(int[] codes)
    {
        var history = RandomHistory(codes ?? []);

        var verdict = LinearizabilityChecker.Check(history, CapacityTwo);

        Assert.Equal(BruteForceLinearizable(history, [], CapacityTwo.InitialState), verdict.IsLinearizable);
        if (verdict.IsLinearizable)
        {
            Assert.True(IsLinearization(history, verdict.Order), $"The checker's order [{string.Join(", ", verdict.Order)}] does not fit.");
        }
    }

    /// <summary>
    /// Each code either calls a new operation (kind, item 1 or 2, and a result it will be seen to return
    /// picked from it) or returns one of those called and still open; what is still open at the end is pending.
    /// </summary>
    private static List<HistoryOperation<QueueOperation, string>> RandomHistory(int[] codes)
    {
        var history = new List<HistoryOperation<QueueOperation, string>>();
        var open = new List<int>();
        var clock = 0;
        foreach (var code in codes)
        {
            var value = code & int.MaxValue;
            if (history.Count < MaxOperations && (open.Count == 0 || value % 2 == 0))
            {
                var kind = (Kind)(value / 2 % 5);
                var results = Results[kind];
                var result = results[value / 10 % results.Length];
                open.Add(history.Count);
                history.Add(new(1 + (value / 60 % 4), new QueueOperation(kind, 1 + (value / 240 % 2)), clock++, null, result));
            }
            else if (open.Count > 0)
            {
                var index = open[value / 2 % open.Count];
                open.Remove(index);
                history[index] = history[index] with { Return = clock++ };
            }
        }

        foreach (var index in open)
        {
            history[index] = history[index] with { Result = null };
        }

        return history;
    }

    // Tries every sequence of distinct operations, extending one operation at a time.
    private static bool BruteForceLinearizable(List<HistoryOperation<QueueOperation, string>> history, List<int> sequence, QueueContents state)
    {
        if (history.Select((operation, index) => (operation, index)).All(x => !x.operation.IsComplete || sequence.Contains(x.index)))
        {
            return true;
        }

        for (var next = 0; next < history.Count; next++)
        {
            if (!sequence.Contains(next) && Fits(history, sequence, next, state) is { } after)
            {
                sequence.Add(next);
                var found = BruteForceLinearizable(history, sequence, after);
                sequence.RemoveAt(sequence.Count - 1);
                if (found)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The state after `next`, if it may follow `sequence`: it did not return before any of them was called,
    // and the model, where it can take effect, gives the result it was seen to return.
    private static QueueContents? Fits(List<HistoryOperation<QueueOperation, string>> history, List<int> sequence, int next, QueueContents state)
    {
        var operation = history[next];
        if (sequence.Any(earlier => operation.Return < history[earlier].Call))
        {
            return null;
        }

        var effect = CapacityTwo.Apply(state, operation.Operation);
        return effect is { } e && (!operation.IsComplete || e.Result == operation.Result) ? e.State : null;
    }

    private static bool IsLinearization(List<HistoryOperation<QueueOperation, string>> history, IReadOnlyList<int> order)
    {
        var state = CapacityTwo.InitialState;
        var sequence = new List<int>();
        foreach (var next in order)
        {
            if (sequence.Contains(next) || Fits(history, sequence, next, state) is not { } after)
            {
                return false;
            }

            sequence.Add(next);
            state = after;
        }

        return history.Select((operation, index) => (operation, index)).All(x => !x.operation.IsComplete || sequence.Contains(x.index));
    }
}
