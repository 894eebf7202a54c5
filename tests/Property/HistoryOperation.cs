namespace Interleave.Tests.Property;

/// <summary>One operation of a recorded concurrent history.</summary>
/// <param name="Name">What was called, e.g. "put".</param>
/// <param name="Argument">Its argument, if any.</param>
/// <param name="CalledAt">Its call's position in the history's event order.</param>
internal sealed record HistoryOperation(string Name, int Argument, long CalledAt)
{
    /// <summary>Whether the operation returned.</summary>
    internal bool Returned { get; private set; }

    /// <summary>Its return's position in the event order; meaningful once <see cref="Returned"/>.</summary>
    internal long ReturnedAt { get; private set; }

    /// <summary>What it returned (null for nothing).</summary>
    internal object? Result { get; private set; }

    /// <summary>Records the return.</summary>
    internal void Return(long at, object? result)
    {
        Returned = true;
        ReturnedAt = at;
        Result = result;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Name}({Argument}) [{CalledAt}, {(Returned ? $"{ReturnedAt}] -> {Result ?? "ok"}" : "pending]")}";
}
