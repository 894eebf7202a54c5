using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives.Waiting;

/// <summary>
/// One task waiting on a primitive: the completion the task awaits, its place in a
/// <see cref="WaiterQueue{T}"/>, an optional payload (the item a blocked put carries) and the
/// registration that removes it when its token is cancelled.
/// </summary>
/// <remarks>
/// The owner decides under its lock who is chosen (dequeued) or cancelled (removed), so exactly one of
/// the two happens; the completion is then set outside the lock, and continuations always run
/// asynchronously, so a release never runs a waiter's code inline.
/// </remarks>
internal sealed class Waiter<T> : TaskCompletionSource<T>
{
    private readonly IWaiterOwner<T> _owner;
    private CancellationTokenRegistration _registration;

    internal Waiter(IWaiterOwner<T> owner, T payload, TaskIdentity task)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _owner = owner;
        Payload = payload;
        WaitingTask = task;
    }

    /// <summary>What the waiter brings (a blocked put's item), or default.</summary>
    internal T Payload { get; }

    /// <summary>The task that waits, recorded only while an observer is installed.</summary>
    internal TaskIdentity WaitingTask { get; }

    internal Waiter<T>? Next { get; set; }

    internal Waiter<T>? Previous { get; set; }

    /// <summary>The queue this waiter is in, or null once it was chosen, removed or never queued.</summary>
    internal WaiterQueue<T>? Queue { get; set; }

    internal bool IsQueued => Queue is not null;

    /// <summary>Arranges for the owner to remove this waiter when <paramref name="cancellationToken"/> fires.</summary>
    internal void RegisterCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var waiter = (Waiter<T>)state!;
                    if (waiter._owner.TryRemoveCancelled(waiter))
                    {
                        waiter.TrySetCanceled(token);
                    }
                },
                this);
        }
    }

    /// <summary>Waits (in a way the scheduler understands) until chosen or cancelled.</summary>
    internal Task<T> WaitAsync() =>
        // With no registration to dispose and no scheduler to tell, the waiter's own task is the whole wait:
        // returning it spares a state machine per contended wait.
        _registration.Token.CanBeCanceled || Scheduling.IsControlled ? WaitAndUnregisterAsync() : Task;

    private async Task<T> WaitAndUnregisterAsync()
    {
        try
        {
            return await Scheduling.WaitAsync(Task).ConfigureAwait(Scheduling.IsControlled);
        }
        finally
        {
            // Dispose, not Unregister: it waits for a callback already running, so nothing outlives the wait.
            await _registration.DisposeAsync().ConfigureAwait(Scheduling.IsControlled);
        }
    }
}
