using System.Text;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Records the call and return events of operations as tasks perform them, numbering every event in one
/// global order.
/// </summary>
/// <typeparam name="TOperation">What is called.</typeparam>
/// <typeparam name="TResult">What callers observe.</typeparam>
/// <remarks>
/// Not thread-safe, and needs not be: under Coyote one controlled task runs at a time, so events are appended
/// in the order they really happened.
/// </remarks>
internal sealed class ConcurrentHistory<TOperation, TResult>
{
    private readonly List<HistoryOperation<TOperation, TResult>> _operations = [];
    private int _clock;

    /// <summary>The operations recorded so far, in call order; those not yet returned are pending.</summary>
    public IReadOnlyList<HistoryOperation<TOperation, TResult>> Operations => _operations;

    /// <summary>
    /// Records the call of <paramref name="operation"/> by <paramref name="task"/>, performs it, and records
    /// its return with the result <paramref name="perform"/> produced.
    /// </summary>
    /// <returns>The observed result.</returns>
    public async Task<TResult> RecordAsync(int task, TOperation operation, Func<Task<TResult>> perform)
    {
        var index = _operations.Count;
        _operations.Add(new HistoryOperation<TOperation, TResult>(task, operation, _clock++, null, default));
        var result = await perform();
        _operations[index] = _operations[index] with { Return = _clock++, Result = result };
        return result;
    }

    /// <summary>The history, one operation a line in call order, each with its call and return positions.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var operation in _operations)
        {
            text.AppendLine(operation.ToString());
        }

        return text.ToString();
    }
}
