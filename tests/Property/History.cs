namespace Interleave.Tests.Property;

/// <summary>
/// Records calls and returns of a concurrent program's operations in the order they happen. Under the
/// harness one task runs at a time, so a plain counter gives the real-time order.
/// </summary>
internal sealed class History
{
    private readonly List<HistoryOperation> _operations = [];
    private long _clock;

    internal IReadOnlyList<HistoryOperation> Operations => _operations;

    /// <summary>Records the call of <paramref name="name"/>, runs it, and records its return and result.</summary>
    internal async Task<T> RecordAsync<T>(string name, int argument, Func<Task<T>> operation)
    {
        var recorded = new HistoryOperation(name, argument, _clock++);
        _operations.Add(recorded);
        var result = await operation();
        recorded.Return(_clock++, result);
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("; ", _operations);
}
