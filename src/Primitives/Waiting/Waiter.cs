using System.Runtime.CompilerServices;
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
/// <para>Every primitive's task waits through <see cref="WaitAsync{TResult}"/> (or its shorter forms): the
/// one slow path that registers the cancellation, awaits the waiter and reports how the wait ended.</para>
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

        // Under test the waiter is awaited as a task (see UntilCompletedAsync), which must complete on the
        // controlled operation that completes the waiter: queued to the thread pool, it would complete outside
        // the scheduler.
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

    /// <summary>True once the wait was completed, with a result or an exception.</summary>
    internal bool IsCompleted => Volatile.Read(ref _completed) != 0;

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

    /// <summary>
    /// Registers <paramref name="cancellationToken"/> and returns the wait until chosen or cancelled, as the
    /// primitives await it, its end left to the caller to report (a condition's wait ends only once its
    /// task holds the lock again).
    /// </summary>
    internal ConfiguredValueTaskAwaitable<T> WaitUnreportedAsync(CancellationToken cancellationToken)
    {
        RegisterCancellation(cancellationToken);
        return UntilCompletedAsync().ConfigureAwait(Scheduling.IsControlled);
    }

    /// <summary>
    /// The slow path of a waiting operation: registers <paramref name="cancellationToken"/>, waits until
    /// chosen or cancelled, and reports the end: <see cref="OperationOutcome.Cancelled"/>,
    /// <see cref="OperationOutcome.Failed"/> when the owner ended the wait with its own exception (a broken
    /// barrier, a shut-down queue: see <see cref="TrySetException"/>), or, once <paramref name="resumption"/>
    /// gave the result, <see cref="OperationOutcome.Resumed"/>.
    /// </summary>
    /// <returns>The result, as the primitive's caller should await it (<see cref="Scheduling.ForCaller{T}"/>).</returns>
    internal ValueTask<TResult> WaitAsync<TResult>(
        CancellationToken cancellationToken, WaitReport report, IResumption<T, TResult> resumption) =>
        Scheduling.ForCaller(WaitReportedAsync(cancellationToken, report, resumption));

    /// <summary>
    /// <see cref="WaitAsync{TResult}"/> for an operation that returns the value its waiter is woken with (a
    /// get's item, a barrier's arrival index).
    /// </summary>
    internal ValueTask<T> WaitAsync(CancellationToken cancellationToken, WaitReport report) =>
        WaitAsync(cancellationToken, report, WokenValue<T>.Instance);

    /// <summary>
    /// <see cref="WaitAsync{TResult}"/> for an operation that returns nothing (an event's wait, a put, a join).
    /// </summary>
    internal ValueTask WaitWithoutResultAsync(CancellationToken cancellationToken, WaitReport report) =>
        Scheduling.ForCaller(WaitReportedAsync(cancellationToken, report));

    // Arranges for the owner to remove this waiter when the token fires.
    private void RegisterCancellation(CancellationToken cancellationToken)
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

    // Waits (in a way the scheduler understands) until chosen or cancelled.
    private ValueTask<T> UntilCompletedAsync() =>
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

    // Completed with an exception other than a cancellation: only an owner's own failure is set that way.
    private bool IsFailed => _completion.GetStatus(_completion.Version) == ValueTaskSourceStatus.Faulted;

    private bool TryClaimCompletion() => Interlocked.Exchange(ref _completed, 1) == 0;

    // Pooled: a contended wait reuses the state machine of an earlier one instead of allocating its own.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TResult> WaitReportedAsync<TResult>(
        CancellationToken cancellationToken, WaitReport report, IResumption<T, TResult> resumption)
    {
        T value;
        try
        {
            value = await WaitUnreportedAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (Reported(report, OperationOutcome.Cancelled))
        {
            throw;
        }
        catch (Exception) when (IsFailed && Reported(report, OperationOutcome.Failed))
        {
            throw;
        }

        return Resumed(report, resumption.Resume(value, cancellationToken, report));
    }

    // One state machine of its own, not one around the other: a second pooled box per wait would be
    // allocated whenever the pool's caches miss.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WaitReportedAsync(CancellationToken cancellationToken, WaitReport report)
    {
        try
        {
            await WaitUnreportedAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (Reported(report, OperationOutcome.Cancelled))
        {
            throw;
        }
        catch (Exception) when (IsFailed && Reported(report, OperationOutcome.Failed))
        {
            throw;
        }

        Report(report, OperationOutcome.Resumed, report.ResumedValue);
    }

    // For the exception filters: reports that the wait ended with outcome, and catches the exception to
    // rethrow it.
    private bool Reported(in WaitReport report, OperationOutcome outcome)
    {
        Report(report, outcome, -1);
        return true;
    }

    private TResult Resumed<TResult>(in WaitReport report, TResult result)
    {
        Report(report, OperationOutcome.Resumed, report.ResumedValue);
        return result;
    }

    // The owner's name is asked for only when somebody observes: in production a wait's end costs no call.
    private void Report(in WaitReport report, OperationOutcome outcome, long value)
    {
        if (PrimitiveEvents.IsObserved)
        {
            report.Send(_owner.Primitive, outcome, value);
        }
    }

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
