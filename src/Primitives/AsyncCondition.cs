using System.Diagnostics;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Testing;
using Interleave.Primitives.Waiting;

namespace Interleave.Primitives;

/// <summary>
/// A condition variable for tasks: an <see cref="AsyncLock"/> plus a queue of tasks waiting to be
/// notified. The C# form of asyncio's <c>Condition</c>.
/// </summary>
/// <remarks>
/// <para>Mesa semantics: a notified task does not run at once; it re-acquires the lock first, by which
/// time the state may have changed again, so always wait in a loop (or use <see cref="WaitForAsync"/>).</para>
/// <para>Fair: <see cref="Notify"/> wakes the longest-waiting tasks first.</para>
/// <para>Cancellation-safe: <see cref="WaitAsync"/> re-acquires the lock before it returns or throws, even
/// when cancelled. A task cancelled before it was notified takes no notification; one notified and then
/// cancelled before it resumed passes its notification on to the next waiter, as asyncio does.</para>
/// </remarks>
[DebuggerDisplay("{Name,nq}: {IsLocked ? \"locked\" : \"unlocked\",nq}, waiters = {WaiterCountForDebugger}")]
public sealed class AsyncCondition : IWaiterOwner<bool>
{
    private static int _instances;
    private readonly Lock _sync = new();
    private readonly WaiterQueue<bool> _waiters = new();
    private readonly PrimitiveName _name;
    private readonly AsyncLock _lock;

    /// <summary>Creates a condition over <paramref name="lock"/>, or over a new lock of its own.</summary>
    /// <param name="lock">The lock to share with other conditions or code (asyncio's <c>lock</c> argument).</param>
    /// <param name="name">A name for traces and diagnostics; defaults to "AsyncCondition#n".</param>
    public AsyncCondition(AsyncLock? @lock = null, string? name = null)
    {
        _name = new PrimitiveName(PrimitiveKind.AsyncCondition, name, ref _instances);
        _lock = @lock ?? new AsyncLock(_name.Name + ".lock");
    }

    /// <summary>The condition's name in traces.</summary>
    public string Name => _name.Name;

    PrimitiveName IWaiterOwner<bool>.Primitive => _name;

    /// <summary>The lock under the condition.</summary>
    public AsyncLock Lock => _lock;

    /// <summary>True while some task holds the condition's lock (asyncio <c>locked()</c>).</summary>
    public bool IsLocked => _lock.IsLocked;

    /// <summary>The number of tasks waiting to be notified.</summary>
    internal int WaiterCount => _waiters.CountUnder(_sync);

    // The debugger's view reads fields without the lock, which a thread the debugger stopped may hold:
    // a snapshot that may be a moment old.
    private int WaiterCountForDebugger => _waiters.Count;

    /// <inheritdoc cref="AsyncLock.AcquireAsync"/>
    public ValueTask<Releaser> AcquireAsync(
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0) =>
        _lock.AcquireAsync(cancellationToken, callerFile, callerLine);

    /// <inheritdoc cref="AsyncLock.Release"/>
    public void Release([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        _lock.Release(callerFile, callerLine);

    /// <summary>
    /// Releases the lock, waits until notified, then re-acquires the lock (asyncio <c>await cond.wait()</c>).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for a notification; the lock is re-acquired all the same.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>A task that completes, holding the lock, after a notification.</returns>
    /// <exception cref="InvalidOperationException">The lock is not held.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the lock is held again.</exception>
    public async ValueTask WaitAsync(
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0)
    {
        // Named after the lock: the step reads it (is it held?), so it does not commute with the lock's steps.
        Scheduling.Point(_lock.Name);
        ThrowIfLockNotHeld(PrimitiveOperation.Wait, "wait", callerFile, callerLine);
        var waiter = new Waiter<bool>(this, false, PrimitiveEvents.CurrentTaskIfObserved);
        lock (_sync)
        {
            _waiters.Enqueue(waiter);
            AssertInvariants();
        }

        // Enqueued before the lock is released, so a notify in between cannot be missed.
        PrimitiveEvents.Report(_name, PrimitiveOperation.Wait, OperationOutcome.Blocked, -1, callerFile, callerLine);
        _lock.Release(callerFile, callerLine);
        var notified = false;
        try
        {
            // Unreported: the wait ends, and is reported, once the lock is held again.
            await waiter.WaitUnreportedAsync(cancellationToken);
            notified = true;
        }
        catch (OperationCanceledException)
        {
            // Re-acquired below, whatever happened.
        }

        await _lock.AcquireAsync(CancellationToken.None, callerFile, callerLine).ConfigureAwait(Scheduling.IsControlled);
        if (notified && !cancellationToken.IsCancellationRequested)
        {
            PrimitiveEvents.Report(_name, PrimitiveOperation.Wait, OperationOutcome.Resumed, -1, callerFile, callerLine);
            return;
        }

        if (notified && !Mutation.Is(Mutant.CancelledNotificationDropped))
        {
            // Notified, then cancelled before it resumed: give the notification to another waiter.
            NotifyCore(1);
        }

        PrimitiveEvents.Report(_name, PrimitiveOperation.Wait, OperationOutcome.Cancelled, -1, callerFile, callerLine);
        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>
    /// Waits until <paramref name="predicate"/> is true, checking it before the first wait and after every
    /// notification (asyncio <c>await cond.wait_for(predicate)</c>). A predicate already true returns at once,
    /// without requiring the lock, as asyncio checks the predicate first; only a wait requires it.
    /// </summary>
    /// <param name="predicate">The state to wait for; evaluated with the lock held whenever the caller holds it.</param>
    /// <param name="cancellationToken">Stops the wait; the lock is held again when it throws.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>A task that completes, holding the lock, once the predicate is true.</returns>
    /// <exception cref="InvalidOperationException">The predicate is false and the lock is not held.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the lock is held again.</exception>
    public async ValueTask WaitForAsync(
        Func<bool> predicate,
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        while (!predicate())
        {
            await WaitAsync(cancellationToken, callerFile, callerLine).ConfigureAwait(Scheduling.IsControlled);
        }
    }

    /// <summary>Wakes up to <paramref name="count"/> waiting tasks, longest-waiting first (asyncio <c>notify(n)</c>).</summary>
    /// <param name="count">How many waiters to wake at most.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <exception cref="InvalidOperationException">The lock is not held.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void Notify(int count = 1, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Scheduling.Point(_lock.Name);
        ThrowIfLockNotHeld(PrimitiveOperation.Notify, "notify", callerFile, callerLine);
        var woken = NotifyCore(Mutation.Is(Mutant.NotifyWakesAll) ? int.MaxValue : count);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Notify, OperationOutcome.Completed, woken, callerFile, callerLine);
    }

    /// <summary>Wakes every waiting task (asyncio <c>notify_all()</c>).</summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <exception cref="InvalidOperationException">The lock is not held.</exception>
    public void NotifyAll([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Notify(int.MaxValue, callerFile, callerLine);

    bool IWaiterOwner<bool>.TryRemoveCancelled(Waiter<bool> waiter)
    {
        lock (_sync)
        {
            var removed = _waiters.Remove(waiter);
            AssertInvariants();
            return removed;
        }
    }

    private int NotifyCore(int count)
    {
        List<Waiter<bool>>? woken = null;
        lock (_sync)
        {
            while ((woken?.Count ?? 0) < count && _waiters.Dequeue() is { } waiter)
            {
                (woken ??= []).Add(waiter);
            }

            AssertInvariants();
        }

        if (woken is null)
        {
            return 0;
        }

        foreach (var waiter in woken)
        {
            waiter.TrySetResult(true);
        }

        return woken.Count;
    }

    private void ThrowIfLockNotHeld(PrimitiveOperation operation, string verb, string callerFile, int callerLine)
    {
        if (!_lock.IsLocked)
        {
            PrimitiveEvents.Report(_name, operation, OperationOutcome.Failed, -1, callerFile, callerLine);
            throw new InvalidOperationException(ErrorMessages.ConditionLockNotHeld(Name, verb));
        }
    }

    // Called under _sync after every change made there. The waiters are all the condition keeps: its
    // lock keeps its own rules.
    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_sync.IsHeldByCurrentThread, "The condition's invariants are checked under its lock.");
        _waiters.AssertInvariants();
    }
}
