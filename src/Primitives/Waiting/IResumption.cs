namespace Interleave.Primitives.Waiting;

/// <summary>
/// What a primitive gives the task whose waiter was woken, before the wait is reported resumed: most
/// return the value the waiter was woken with (<see cref="WokenValue{T}"/>); a lock or semaphore first
/// makes sure its task still wants the permit.
/// </summary>
/// <typeparam name="T">The value the waiter is woken with.</typeparam>
/// <typeparam name="TResult">What the waiting operation returns.</typeparam>
internal interface IResumption<T, TResult>
{
    /// <summary>
    /// The operation's result once its waiter was woken with <paramref name="value"/>; throwing instead
    /// ends the operation with that exception, unreported (the primitive reports what it did).
    /// </summary>
    TResult Resume(T value, CancellationToken cancellationToken, in WaitReport report);
}
