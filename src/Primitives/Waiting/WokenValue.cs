namespace Interleave.Primitives.Waiting;

/// <summary>The resumption of most waits: the operation returns the value its waiter was woken with.</summary>
/// <typeparam name="T">The value.</typeparam>
internal sealed class WokenValue<T> : IResumption<T, T>
{
    private WokenValue()
    {
    }

    internal static WokenValue<T> Instance { get; } = new();

    public T Resume(T value, CancellationToken cancellationToken, in WaitReport report) => value;
}
