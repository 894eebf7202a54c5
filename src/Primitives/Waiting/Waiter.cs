using System.Threading.Tasks.Sources;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives.Waiting;

/// <summary>
/// One task waiting on a primitive: the completion the task awaits, its place in a
/// <see cref="WaiterQueue{T}"/>, an optional payload (the item a blocked put carries) and the
/// registration that removes it when its token is cancelled.
/// </summary>
/// <remarks>
/// <para>The owner decides under its lock who is chosen (dequeued) or cancelled (removed), so exactly one of
/// the two happens; the completion is then set outside the lock. In production continuations always run
/// asynchronously, so a release never runs a waiter's code inline.</para>
/// <para>The waiter is its own <see cref="IValueTaskSource{TResult}"/> (one object per wait, where a
/// <see cref="TaskCompletionSource{TResult}"/> is two), awaited once.</para>
/// </remarks>
internal sealed class Waiter<T> : IValueTaskSource<T>
{
    private readonly IWaiterOwner<T> _owner;
    private ManualResetValueTaskSourceCore<T> _completion;
    private CancellationTokenRegistration _registration;
    private int _completed;

    internal Waiter(IWaiterOwner<T> owner, T payload, TaskIdentity task)
    {
        _owner = owner;
        Payload = payload;
        WaitingTask = task;

        // Under test the waiter is awaited as a task (see WaitAsync), which must complete on the controlled
        // operation that completes the waiter: queued to the thread pool, it would complete outside the scheduler.
        _completion.RunContinuationsAsynchronously = !Scheduling.IsControlled;
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

    /// <summary>Completes the wait with <paramref name="result"/>; false if it was already completed.</summary>
    internal bool TrySetResult(T result)
    {
        if (!TryClaimCompletion())
        {
            return false;
        }

        _completion.SetResult(result);
        return true;
    }

    /// <summary>Completes the wait with <paramref name="error"/>; false if it was already completed.</summary>
    internal bool TrySetException(Exception error)
    {
        if (!TryClaimCompletion())
        {
            return false;
        }

        _completion.SetException(error);
        return true;
    }

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
                        waiter.TrySetException(new OperationCanceledException(token));
                    }
                },
                this);
        }
    }

    /// <summary>Waits (in a way the scheduler understands) until chosen or cancelled.</summary>
    internal ValueTask<T> WaitAsync() =>
        // With no registration to dispose and no scheduler to tell, the waiter itself is the whole wait:
        // returning it spares a state machine per contended wait.
        _registration.Token.CanBeCanceled || Scheduling.IsControlled
            ? new ValueTask<T>(WaitAndUnregisterAsync())
            : Pending;

    // This waiter as the one wait it stands for.
    private ValueTask<T> Pending => new(this, _completion.Version);

    T IValueTaskSource<T>.GetResult(short token) => _completion.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<T>.GetStatus(short token) => _completion.GetStatus(token);

    void IValueTaskSource<T>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);

    private bool TryClaimCompletion() => Interlocked.Exchange(ref _completed, 1) == 0;

    private async Task<T> WaitAndUnregisterAsync()
    {
        try
        {
            return Scheduling.IsControlled
                ? await Scheduling.WaitAsync(Pending.AsTask()).ConfigureAwait(true)
                : await Pending.ConfigureAwait(false);
        }
        finally
        {
            // Dispose, not Unregister: it waits for a callback already running, so nothing outlives the wait.
            await _registration.DisposeAsync().ConfigureAwait(Scheduling.IsControlled);
        }
    }
}
