using System.Diagnostics;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Testing;

namespace Interleave.Primitives.Waiting;

/// <summary>
/// Permits handed out in FIFO order: the machinery of <see cref="AsyncLock"/> (one permit),
/// <see cref="AsyncSemaphore"/> and <see cref="AsyncBoundedSemaphore"/>.
/// </summary>
/// <remarks>
/// A release hands its permit straight to the longest waiter, so a newcomer never barges ahead of a
/// queued task. A waiter cancelled before it is chosen takes nothing; one chosen and cancelled before it
/// resumed passes the permit on and throws, as asyncio does.
/// </remarks>
internal sealed class PermitGate : IWaiterOwner<bool>, IReleasable
{
    private readonly Lock _sync = new();
    private readonly WaiterQueue<bool> _waiters = new();
    private readonly PrimitiveName _name;
    private readonly int _bound;
    private readonly bool _tracksHolder;
    private readonly Func<string, int, Exception> _overRelease;
    private int _count;

    // Permits handed to a waiter that has not resumed yet: still available in asyncio's sense (a release
    // now is one too many), though no other task can take them.
    private int _handedOff;
    private TaskIdentity _holder;

    /// <param name="name">The owning primitive's name, used in reports and messages.</param>
    /// <param name="initialCount">Permits available at first.</param>
    /// <param name="bound">The most permits there may be; a release past it is misuse.</param>
    /// <param name="tracksHolder">Report the holder to tasks that block (meaningful for a single permit).</param>
    /// <param name="overRelease">Builds the exception for a release past the bound, from name and bound.</param>
    internal PermitGate(PrimitiveName name, int initialCount, int bound, bool tracksHolder, Func<string, int, Exception> overRelease)
    {
        _name = name;
        _count = initialCount;
        _bound = bound;
        _tracksHolder = tracksHolder;
        _overRelease = overRelease;
    }

    internal string Name => _name.Name;

    internal int CurrentCount => Volatile.Read(ref _count);

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

    /// <summary>The last task granted a permit while it is still out, as recorded while an observer is installed.</summary>
    internal TaskIdentity Holder
    {
        get
        {
            lock (_sync)
            {
                return _count < _bound ? _holder : TaskIdentity.None;
            }
        }
    }

    internal ValueTask<Releaser> AcquireAsync(CancellationToken cancellationToken, string callerFile, int callerLine)
    {
        Scheduling.Point();
        if (cancellationToken.IsCancellationRequested)
        {
            Reporter.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Cancelled, -1, callerFile, callerLine);
            return ValueTask.FromCanceled<Releaser>(cancellationToken);
        }

        Waiter<bool>? waiter = null;
        TaskIdentity holder;
        int count;
        lock (_sync)
        {
            if (_count > 0)
            {
                _count--;
                _holder = Reporter.CurrentTaskIfObserved;
                AssertInvariants();
            }
            else
            {
                waiter = new Waiter<bool>(this, false, Reporter.CurrentTaskIfObserved);
                _waiters.Enqueue(waiter);
            }

            count = _count;
            holder = _tracksHolder ? _holder : TaskIdentity.None;
        }

        if (waiter is null)
        {
            Reporter.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Completed, count, callerFile, callerLine);
            return new ValueTask<Releaser>(new Releaser(this));
        }

        Reporter.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Blocked, count, callerFile, callerLine, holder);
        return new ValueTask<Releaser>(AcquireSlowAsync(waiter, cancellationToken, callerFile, callerLine));
    }

    internal void Release(string callerFile, int callerLine)
    {
        Scheduling.Point();
        bool overReleased;
        Waiter<bool>? next = null;
        int count;
        lock (_sync)
        {
            // A release is one too many when no task holds a permit: all are counted as available, or
            // handed to waiters that have not resumed (releasing for them would let both through).
            overReleased = _count + _handedOff >= _bound;
            if (!overReleased)
            {
                next = ReleaseCore();
            }

            count = _count;
        }

        if (overReleased)
        {
            Reporter.Report(_name, PrimitiveOperation.Release, OperationOutcome.Failed, count, callerFile, callerLine);
            throw _overRelease(Name, _bound);
        }

        HandOff(next, PrimitiveOperation.Release, OperationOutcome.Completed, count, callerFile, callerLine);
    }

    // Disposal has no caller information; report it as unknown rather than as a line of this file.
    void IReleasable.ReleaseFromReleaser() => Release(string.Empty, 0);

    bool IWaiterOwner<bool>.TryRemoveCancelled(Waiter<bool> waiter)
    {
        lock (_sync)
        {
            return _waiters.Remove(waiter);
        }
    }

    /// <summary>Under <c>_sync</c>: hands a permit to the next waiter (returned) or adds it to the count.</summary>
    private Waiter<bool>? ReleaseCore()
    {
        var next = _waiters.Dequeue();
        if (next is null)
        {
            _count++;
            _holder = TaskIdentity.None;
        }
        else
        {
            _handedOff++;
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

        if (cancellationToken.IsCancellationRequested && !Mutation.Is(Mutant.CancelledWaiterKeepsPermit))
        {
            // Chosen, then cancelled before it resumed: pass the permit on rather than keep it.
            Waiter<bool>? next;
            int count;
            lock (_sync)
            {
                _handedOff--;
                next = ReleaseCore();
                count = _count;
            }

            HandOff(next, PrimitiveOperation.Acquire, OperationOutcome.Cancelled, count, callerFile, callerLine);
            throw new OperationCanceledException(cancellationToken);
        }

        lock (_sync)
        {
            _handedOff--; // resumed: the permit is held now
            AssertInvariants();
        }

        Reporter.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Resumed, -1, callerFile, callerLine);
        return new Releaser(this);
    }

    /// <summary>Reports the release, then wakes the waiter the permit was handed to, outside <c>_sync</c>.</summary>
    private void HandOff(
        Waiter<bool>? next, PrimitiveOperation operation, OperationOutcome outcome, int count, string callerFile, int callerLine)
    {
        Reporter.Report(_name, operation, outcome, count, callerFile, callerLine, next?.WaitingTask ?? TaskIdentity.None);
        next?.TrySetResult(true);
    }

    [Conditional("DEBUG")]
    private void AssertInvariants() =>
        Debug.Assert(
            _count >= 0 && _handedOff >= 0 && _count + _handedOff <= _bound && (_count == 0 || _waiters.IsEmpty),
            "0 <= count, 0 <= handed off, count + handed off <= bound, and tasks wait only while the count is 0.");
}
