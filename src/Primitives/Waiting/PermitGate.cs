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
internal sealed class PermitGate : IWaiterOwner<bool>, IResumption<bool, Releaser>, IReleasable
{
    // _state is the number of free permits, or Waiting (-1) while tasks wait (then no permit is free).
    // A free permit is taken, and one given back while nobody waits, by one compare-and-swap without the
    // lock; everything that involves a waiter happens under the lock, and only there does the state move
    // to or from Waiting, so a permit never appears while a task waits, and no task ever waits for one.
    private const int Waiting = -1;

    private readonly Lock _sync = new();
    private readonly WaiterQueue<bool> _waiters = new();
    private readonly PrimitiveName _name;
    private readonly int _bound;
    private readonly bool _tracksHolder;
    private readonly Func<string, int, Exception> _overRelease;
    private int _state;

    // Permits handed to a waiter that has not resumed yet: still available in asyncio's sense (a release
    // now is one too many), though no other task can take them. Written under the lock.
    private volatile int _handedOff;
    private TaskIdentity _holder;

    /// <param name="name">The owning primitive's name, used in reports and messages.</param>
    /// <param name="initialCount">Permits available at first.</param>
    /// <param name="bound">The most permits there may be; a release past it is misuse.</param>
    /// <param name="tracksHolder">Report the holder to tasks that block (meaningful for a single permit).</param>
    /// <param name="overRelease">Builds the exception for a release past the bound, from name and bound.</param>
    internal PermitGate(PrimitiveName name, int initialCount, int bound, bool tracksHolder, Func<string, int, Exception> overRelease)
    {
        _name = name;
        _state = initialCount;
        _bound = bound;
        _tracksHolder = tracksHolder;
        _overRelease = overRelease;
    }

    internal string Name => _name.Name;

    PrimitiveName IWaiterOwner<bool>.Primitive => _name;

    internal int CurrentCount => Math.Max(Volatile.Read(ref _state), 0);

    internal int WaiterCount => _waiters.CountUnder(_sync);

    /// <summary>
    /// The waiter count as the debugger's views show it: read without the lock, which a thread the
    /// debugger stopped may hold, so a snapshot that may be a moment old.
    /// </summary>
    internal int WaiterCountForDebugger => _waiters.Count;

    /// <summary>The last task granted a permit while it is still out, as recorded while an observer is installed.</summary>
    internal TaskIdentity Holder
    {
        get
        {
            lock (_sync)
            {
                return CurrentCount < _bound ? _holder : TaskIdentity.None;
            }
        }
    }

    internal ValueTask<Releaser> AcquireAsync(CancellationToken cancellationToken, string callerFile, int callerLine)
    {
        // In production (no test can run, nobody observes) a free permit is one compare-and-swap and no more.
        if (!Hooks.Active && !cancellationToken.IsCancellationRequested && TryTakeFreePermit(out _))
        {
            return new ValueTask<Releaser>(new Releaser(this));
        }

        var report = new WaitReport(PrimitiveOperation.Acquire, callerFile, callerLine);
        if (report.CancelledAtStart(cancellationToken, _name))
        {
            return ValueTask.FromCanceled<Releaser>(cancellationToken);
        }

        if (TryTakeFreePermit(out var left))
        {
            RecordHolder(PrimitiveEvents.CurrentTaskIfObserved);
            report.Send(_name, OperationOutcome.Completed, left);
            return new ValueTask<Releaser>(new Releaser(this));
        }

        return AcquireOrWaitAsync(cancellationToken, report);
    }

    internal void Release(string callerFile, int callerLine)
    {
        if (!Hooks.Active && TryGiveBackWhileNobodyWaits(out _))
        {
            return;
        }

        Scheduling.Point(_name.Name);
        Waiter<bool>? next = null;
        var overReleased = false;
        if (!TryGiveBackWhileNobodyWaits(out var count))
        {
            lock (_sync)
            {
                // Only the lock moves the state to or from Waiting, so it stays what it is here. A release
                // is one too many when no task holds a permit: all are free, or handed to waiters that
                // have not resumed (releasing for them would let both through).
                if (Volatile.Read(ref _state) == Waiting && _handedOff < _bound)
                {
                    next = HandOn();
                }
                else
                {
                    overReleased = !TryGiveBackWhileNobodyWaits(out _);
                }

                count = CurrentCount;
                AssertInvariants();
            }
        }

        if (overReleased)
        {
            PrimitiveEvents.Report(_name, PrimitiveOperation.Release, OperationOutcome.Failed, count, callerFile, callerLine);
            throw _overRelease(Name, _bound);
        }

        if (next is null)
        {
            RecordHolder(TaskIdentity.None);
        }

        HandOff(next, PrimitiveOperation.Release, OperationOutcome.Completed, count, callerFile, callerLine);
    }

    // Disposal has no caller information; report it as unknown rather than as a line of this file.
    void IReleasable.ReleaseFromReleaser() => Release(string.Empty, 0);

    bool IWaiterOwner<bool>.TryRemoveCancelled(Waiter<bool> waiter)
    {
        lock (_sync)
        {
            if (!_waiters.Remove(waiter))
            {
                return false;
            }

            if (_waiters.IsEmpty)
            {
                Volatile.Write(ref _state, 0);
            }

            AssertInvariants();
            return true;
        }
    }

    /// <summary>Takes a free permit if there is one; <paramref name="left"/> is the count after. Lock-free.</summary>
    private bool TryTakeFreePermit(out int left)
    {
        var state = Volatile.Read(ref _state);
        while (state > 0)
        {
            var seen = Interlocked.CompareExchange(ref _state, state - 1, state);
            if (seen == state)
            {
                left = state - 1;
                return true;
            }

            state = seen;
        }

        left = 0;
        return false;
    }

    /// <summary>
    /// Adds a permit if no task waits and the bound allows it; false leaves the decision to the locked path
    /// (a waiter to hand it to, or a release past the bound). Lock-free.
    /// </summary>
    private bool TryGiveBackWhileNobodyWaits(out int count)
    {
        var state = Volatile.Read(ref _state);

        // Read after the state: a hand-off raises it before the state leaves Waiting.
        while (state != Waiting && state + _handedOff < _bound)
        {
            var seen = Interlocked.CompareExchange(ref _state, state + 1, state);
            if (seen == state)
            {
                count = state + 1;
                return true;
            }

            state = seen;
        }

        count = 0;
        return false;
    }

    // No permit was free a moment ago: under the lock, take one given back since, or wait in line.
    private ValueTask<Releaser> AcquireOrWaitAsync(CancellationToken cancellationToken, in WaitReport report)
    {
        Waiter<bool>? waiter = null;
        TaskIdentity holder;
        int count;
        lock (_sync)
        {
            // Only the lock moves the state to Waiting; a permit given back in the meantime fails the swap,
            // and is taken on the next turn.
            while (!TryTakeFreePermit(out count)
                && Volatile.Read(ref _state) != Waiting
                && Interlocked.CompareExchange(ref _state, Waiting, 0) != 0)
            {
            }

            if (Volatile.Read(ref _state) == Waiting)
            {
                waiter = new Waiter<bool>(this, false, PrimitiveEvents.CurrentTaskIfObserved);
                _waiters.Enqueue(waiter);
            }
            else
            {
                RecordHolder(PrimitiveEvents.CurrentTaskIfObserved);
            }

            AssertInvariants();
            holder = _tracksHolder ? _holder : TaskIdentity.None;
        }

        if (waiter is null)
        {
            report.Send(_name, OperationOutcome.Completed, count);
            return new ValueTask<Releaser>(new Releaser(this));
        }

        report.Send(_name, OperationOutcome.Blocked, 0, holder);
        return waiter.WaitAsync(cancellationToken, report, this);
    }

    /// <summary>Under <c>_sync</c>, while tasks wait: hands a permit to the longest waiter, returned to be woken.</summary>
    private Waiter<bool> HandOn()
    {
        var next = _waiters.Dequeue()!;

        // Raised before the state leaves Waiting: a release that sees the state then sees the hand-off.
        _handedOff++;
        if (_waiters.IsEmpty)
        {
            Volatile.Write(ref _state, 0);
        }

        if (PrimitiveEvents.IsObserved)
        {
            _holder = next.WaitingTask;
        }

        return next;
    }

    // A waiter chosen for a permit: it takes the permit, or, cancelled before it resumed, passes it on.
    Releaser IResumption<bool, Releaser>.Resume(bool value, CancellationToken cancellationToken, in WaitReport report)
    {
        if (cancellationToken.IsCancellationRequested && !Mutation.Is(Mutant.CancelledWaiterKeepsPermit))
        {
            Waiter<bool>? next = null;
            int count;
            lock (_sync)
            {
                _handedOff--;
                if (Volatile.Read(ref _state) == Waiting)
                {
                    next = HandOn();
                }
                else
                {
                    // Nobody waits; tasks may take permits without the lock meanwhile, so add atomically.
                    Interlocked.Increment(ref _state);
                    RecordHolder(TaskIdentity.None);
                }

                count = CurrentCount;
                AssertInvariants();
            }

            HandOff(next, PrimitiveOperation.Acquire, OperationOutcome.Cancelled, count, report.CallerFile, report.CallerLine);
            throw new OperationCanceledException(cancellationToken);
        }

        lock (_sync)
        {
            _handedOff--; // resumed: the permit is held now
            AssertInvariants();
        }

        return new Releaser(this);
    }

    /// <summary>Reports the release, then wakes the waiter the permit was handed to, outside <c>_sync</c>.</summary>
    private void HandOff(
        Waiter<bool>? next, PrimitiveOperation operation, OperationOutcome outcome, int count, string callerFile, int callerLine)
    {
        PrimitiveEvents.Report(_name, operation, outcome, count, callerFile, callerLine, next?.WaitingTask ?? TaskIdentity.None);
        next?.TrySetResult(true);
    }

    // The holder is recorded only for reports, so only while an observer is installed: in production the
    // field is never written (a struct with a string: each write would pay a GC barrier).
    private void RecordHolder(TaskIdentity holder)
    {
        if (PrimitiveEvents.IsObserved)
        {
            _holder = holder;
        }
    }

    // Called under _sync after every change made there. The state may still move without the lock (a free
    // permit taken or given back), but never past these rules.
    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_sync.IsHeldByCurrentThread, "The gate's invariants are checked under its lock.");
        Debug.Assert(Volatile.Read(ref _state) >= Waiting, "The state is a count of free permits, or Waiting.");
        Debug.Assert(_handedOff >= 0, "No fewer than no permits are handed to waiters that have not resumed.");
        Debug.Assert(
            CurrentCount + _handedOff <= _bound,
            "Free permits and those handed to waiters that have not resumed never exceed the bound.");
        Debug.Assert(
            (Volatile.Read(ref _state) == Waiting) == !_waiters.IsEmpty,
            "Tasks wait exactly while the state is Waiting: no permit is free while a task waits.");
        _waiters.AssertInvariants();
    }
}
