namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// The sequential model of asyncio's event: a flag, clear at first; a wait takes effect only while it is set.
/// A waiter woken by a set returns even if the flag is cleared before it resumes: its wait took effect at
/// the set, while it was still pending.
/// </summary>
internal sealed class EventSpecification : ISequentialSpecification<bool, EventOperation, string>
{
    /// <summary>The result of a set, a clear or a wait.</summary>
    public const string Done = "ok";

    /// <inheritdoc/>
    public bool InitialState => false;

    /// <summary>How a result shows the flag.</summary>
    public static string Text(bool isSet) => isSet ? "true" : "false";

    /// <inheritdoc/>
    public override string ToString() => "event";

    /// <inheritdoc/>
    public (bool State, string Result)? Apply(bool state, EventOperation operation) => operation switch
    {
        EventOperation.Set => (true, Done),
        EventOperation.Clear => (false, Done),
        EventOperation.Wait when !state => null,
        EventOperation.Wait => (state, Done),
        _ => (state, Text(state)),
    };
}
