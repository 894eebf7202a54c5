namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// One operation of a concurrent history: which task called it, what it was, when it was called and when it
/// returned (positions in one global order of call and return events), and what it returned.
/// </summary>
/// <typeparam name="TOperation">What was called, e.g. a put of an item.</typeparam>
/// <typeparam name="TResult">What the caller observed.</typeparam>
/// <param name="Task">The calling task's number; 0 for the main task.</param>
/// <param name="Operation">What was called.</param>
/// <param name="Call">The position of the call event.</param>
/// <param name="Return">The position of the return event; null while the operation is still pending.</param>
/// <param name="Result">What the operation returned; meaningless while it is pending.</param>
internal sealed record HistoryOperation<TOperation, TResult>(int Task, TOperation Operation, int Call, int? Return, TResult? Result)
{
    /// <summary>True when the operation returned, so its result must be explained by the model.</summary>
    public bool IsComplete => Return is not null;

    /// <inheritdoc/>
    public override string ToString() =>
        IsComplete
            ? $"{TaskName} {Operation} -> {Result} [{Call}, {Return}]"
            : $"{TaskName} {Operation} -> (pending) [{Call}, ...)";

    // Task 0 is the main task, which starts the others.
    private string TaskName => Task == 0 ? "main" : $"T{Task}";
}
