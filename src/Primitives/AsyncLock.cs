using System.Diagnostics;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Waiting;

namespace Interleave.Primitives;

/// <summary>
/// A mutual-exclusion lock for tasks: the C# form of asyncio's <c>Lock</c>.
/// </summary>
/// <remarks>
/// <para>Fair: waiters get the lock in the order they started waiting; a release hands the lock straight
/// to the longest waiter, so a newcomer never barges ahead of a queued task.</para>
/// <para>Cancellation-safe: a waiter cancelled before it is chosen leaves the queue and takes nothing; a
/// waiter cancelled after it was chosen but before it resumed passes the lock on to the next waiter and
/// throws <see cref="OperationCanceledException"/>, as asyncio does.</para>
/// <para>Not reentrant and not owned: like asyncio's, any task may release it, and acquiring it twice from
/// one task deadlocks (which the harness reports).</para>
/// <para>Under Coyote every operation is a scheduling point and every wait is one the scheduler sees.</para>
/// </remarks>
[DebuggerDisplay("{Name,nq}: {IsLocked ? \"locked\" : \"unlocked\",nq}, waiters = {WaiterCount}")]
public sealed class AsyncLock : IReleasable, IWaiterOwner<bool>
{
    private static int _instances;
    private readonly Lock _sync = new();
    private readonly WaiterQueue<bool> _waiters = new();
    private readonly PrimitiveName _name;
    private bool _locked;
    private TaskIdentity _holder;

    /// <summary>Creates an unlocked lock.</summary>
    /// <param name="name">A name for traces and diagnostics; defaults to "AsyncLock#n".</param>
    public AsyncLock(string? name = null) => _name = new PrimitiveName(nameof(AsyncLock), name, ref _instances);

    /// <summary>The lock's name in traces.</summary>
    public string Name => _name.Name;

    /// <summary>True while some task holds the lock (asyncio <c>locked()</c>).</summary>
    public bool IsLocked => Volatile.Read(ref _locked);

    /// <summary>The number of tasks waiting to acquire the lock.</summary>
    internal int WaiterCount
    {
        get
        {
            lock (_sync)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>The task holding the lock, as recorded while an observer is installed.</summary>
    internal TaskIdentity Holder
    {
        get
        {
            lock (_sync)
            {
                return _locked ? _holder : TaskIdentity.None;
            }
        }
    }

    /// <summary>
    /// Acquires the lock, waiting while another task holds it (asyncio <c>async with lock</c> /
    /// <c>await lock.acquire()</c>). Completes synchronously, without allocating, when the lock is free.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait; the lock is then not acquired.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>A <see cref="Releaser"/> whose <c>Dispose</c> releases the lock.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled before the lock was acquired.</exception>
    public ValueTask<Releaser> AcquireAsync(
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point();
        if (cancellationToken.IsCancellationRequested)
        {
            Reporter.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Cancelled, -1, callerFile, callerLine);
            return ValueTask.FromCanceled<Releaser>(cancellationToken);
        }

        Waiter<bool>? waiter = null;
        TaskIdentity holder = TaskIdentity.None;
        lock (_sync)
        {
            if (!_locked)
            {
                _locked = true;
                _holder = Reporter.CurrentTaskIfObserved;
                AssertInvariants();
            }
            else
            {
                waiter = new Waiter<bool>(this, false, Reporter.CurrentTaskIfObserved);
                _waiters.Enqueue(waiter);
                holder = _holder;
            }
        }

        if (waiter is null)
        {
            Reporter.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Completed, -1, callerFile, callerLine);
            return new ValueTask<Releaser>(new Releaser(this));
        }

        Reporter.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Blocked, -1, callerFile, callerLine, holder);
        return new ValueTask<Releaser>(AcquireSlowAsync(waiter, cancellationToken, callerFile, callerLine));
    }

    /// <summary>
    /// Releases the lock (asyncio <c>release()</c>), handing it to the longest-waiting task if any.
    /// </summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <exception cref="InvalidOperationException">The lock is not locked.</exception>
    public void Release([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point();
        bool wasLocked;
        Waiter<bool>? next = null;
        lock (_sync)
        {
            wasLocked = _locked;
            if (wasLocked)
            {
                next = ReleaseCore();
            }
        }

        if (!wasLocked)
        {
            Reporter.Report(_name, PrimitiveOperation.Release, OperationOutcome.Failed, -1, callerFile, callerLine);
            throw new InvalidOperationException(ErrorMessages.ReleaseUnheldLock(Name));
        }

        HandOff(next, PrimitiveOperation.Release, OperationOutcome.Completed, callerFile, callerLine);
    }

    // Disposal has no caller information; report it as unknown rather than as this line.
    void IReleasable.ReleaseFromReleaser() => Release(string.Empty, 0);

    bool IWaiterOwner<bool>.TryRemoveCancelled(Waiter<bool> waiter)
    {
        lock (_sync)
        {
            return _waiters.Remove(waiter);
        }
    }

    /// <summary>Under <c>_sync</c>: hands the lock to the next waiter (returned) or unlocks.</summary>
    private Waiter<bool>? ReleaseCore()
    {
        var next = _waiters.Dequeue();
        if (next is null)
        {
            _locked = false;
            _holder = TaskIdentity.None;
        }
        else
        {
            _holder = next.WaitingTask;
        }

        AssertInvariants();
        return next;
    }

    private async Task<Releaser> AcquireSlowAsync(
        Waiter<bool> waiter, CancellationToken cancellationToken, string callerFile, int callerLine)
    {
        waiter.RegisterCancellation(cancellationToken);
        try
        {
            await waiter.WaitAsync().ConfigureAwait(Scheduling.IsControlled);
        }
        catch (OperationCanceledException)
        {
            Reporter.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Cancelled, -1, callerFile, callerLine);
            throw;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Chosen, then cancelled before it resumed: pass the lock on rather than keep it.
            Waiter<bool>? next;
            lock (_sync)
            {
                next = ReleaseCore();
            }

            HandOff(next, PrimitiveOperation.Acquire, OperationOutcome.Cancelled, callerFile, callerLine);
            throw new OperationCanceledException(cancellationToken);
        }

        Reporter.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Resumed, -1, callerFile, callerLine);
        return new Releaser(this);
    }

    /// <summary>Reports the release, then wakes the waiter the lock was handed to, outside <c>_sync</c>.</summary>
    private void HandOff(
        Waiter<bool>? next, PrimitiveOperation operation, OperationOutcome outcome, string callerFile, int callerLine)
    {
        Reporter.Report(_name, operation, outcome, -1, callerFile, callerLine, next?.WaitingTask ?? TaskIdentity.None);
        next?.TrySetResult(true);
    }

    [Conditional("DEBUG")]
    private void AssertInvariants() =>
        Debug.Assert(_locked || _waiters.IsEmpty, "An unlocked lock has no waiters: release hands it to the first.");
}
