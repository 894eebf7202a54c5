using System.Diagnostics;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Testing;
using Interleave.Primitives.Waiting;

namespace Interleave.Primitives;

/// <summary>
/// Lets a fixed number of tasks wait until all of them have arrived: the C# form of asyncio's
/// <c>Barrier</c>.
/// </summary>
/// <remarks>
/// <para>Each <see cref="WaitAsync"/> returns the arrival index (0 for the first task to arrive,
/// <see cref="Parties"/> - 1 for the last, which releases the others). The barrier then starts filling
/// again for the next round.</para>
/// <para>Cancellation: a task cancelled while the barrier fills leaves it, as in asyncio: the barrier stays
/// whole, its <see cref="WaitingCount"/> one lower, and the round completes when enough others arrive. An
/// arrival's index is the number of tasks waiting when it arrives, so after a cancellation an index can repeat
/// within a round, as asyncio's can. A task released and then cancelled before it resumed keeps its index.</para>
/// <para>Breaking: <see cref="AbortAsync"/> breaks the barrier. Waiting tasks then throw
/// <see cref="BarrierBrokenException"/>, and so does every later wait until <see cref="ResetAsync"/>. A reset
/// also fails the tasks waiting at that moment with <see cref="BarrierBrokenException"/> and leaves the barrier
/// empty and usable.</para>
/// </remarks>
[DebuggerDisplay("{Name,nq}: {WaitingCountForDebugger}/{Parties} waiting, broken = {IsBroken}")]
public sealed class AsyncBarrier : IWaiterOwner<int>
{
    private static int _instances;
    private readonly Lock _sync = new();
    private readonly WaiterQueue<int> _waiters = new();
    private readonly PrimitiveName _name;
    private bool _broken;

    /// <summary>Creates a barrier for <paramref name="parties"/> tasks.</summary>
    /// <param name="parties">How many tasks must arrive before all are released.</param>
    /// <param name="name">A name for traces and diagnostics; defaults to "AsyncBarrier#n".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parties"/> is less than 1.</exception>
    public AsyncBarrier(int parties, string? name = null)
    {
        if (parties < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parties), parties, ErrorMessages.PartiesBelowOne);
        }

        Parties = parties;
        _name = new PrimitiveName(PrimitiveKind.AsyncBarrier, name, ref _instances);
    }

    /// <summary>The barrier's name in traces.</summary>
    public string Name => _name.Name;

    PrimitiveName IWaiterOwner<int>.Primitive => _name;

    /// <summary>How many tasks must arrive to release the barrier (asyncio <c>parties</c>).</summary>
    public int Parties { get; }

    /// <summary>How many tasks are waiting now (asyncio <c>n_waiting</c>).</summary>
    public int WaitingCount => _waiters.CountUnder(_sync);

    // The debugger's view reads fields without the lock, which a thread the debugger stopped may hold:
    // a snapshot that may be a moment old.
    private int WaitingCountForDebugger => _waiters.Count;

    /// <summary>True when the barrier is broken (asyncio <c>broken</c>).</summary>
    public bool IsBroken => Volatile.Read(ref _broken);

    /// <summary>
    /// Arrives at the barrier and waits until <see cref="Parties"/> tasks have arrived (asyncio
    /// <c>await barrier.wait()</c>). The last to arrive returns at once and releases the others.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait: the task leaves the barrier, which stays whole for the others.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>The arrival index, from 0 to <see cref="Parties"/> - 1.</returns>
    /// <exception cref="BarrierBrokenException">The barrier is or becomes broken, or is reset while waiting.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ValueTask<int> WaitAsync(
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0) =>
        WaitCoreAsync(cancellationToken, new WaitReport(PrimitiveOperation.Wait, callerFile, callerLine));

    /// <summary>
    /// Returns the barrier to the empty, unbroken state; tasks waiting now throw
    /// <see cref="BarrierBrokenException"/> (asyncio <c>await barrier.reset()</c>).
    /// </summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>A completed task (asynchronous to mirror asyncio).</returns>
    public ValueTask ResetAsync([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point(_name.Name);
        var failed = FailWaiters(breakBarrier: false);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Reset, OperationOutcome.Completed, failed, callerFile, callerLine);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Breaks the barrier: tasks waiting now and every later wait throw <see cref="BarrierBrokenException"/>
    /// until <see cref="ResetAsync"/> (asyncio <c>await barrier.abort()</c>).
    /// </summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>A completed task (asynchronous to mirror asyncio).</returns>
    public ValueTask AbortAsync([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point(_name.Name);
        var failed = FailWaiters(breakBarrier: true);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Abort, OperationOutcome.Completed, failed, callerFile, callerLine);
        return ValueTask.CompletedTask;
    }

    bool IWaiterOwner<int>.TryRemoveCancelled(Waiter<int> waiter)
    {
        List<Waiter<int>>? others = null;
        lock (_sync)
        {
            if (!_waiters.Remove(waiter))
            {
                return false;
            }

            if (Mutation.Is(Mutant.BarrierBreaksOnCancellation))
            {
                _broken = true;
                others = _waiters.DequeueAll();
            }

            AssertInvariants();
        }

        if (others is not null)
        {
            FailAll(others);
        }

        return true;
    }

    private ValueTask<int> WaitCoreAsync(CancellationToken cancellationToken, in WaitReport report)
    {
        if (report.CancelledAtStart(cancellationToken, _name))
        {
            return ValueTask.FromCanceled<int>(cancellationToken);
        }

        Waiter<int>? waiter = null;
        List<Waiter<int>>? released = null;
        int index;
        bool broken;
        lock (_sync)
        {
            broken = _broken;
            index = _waiters.Count;
            if (broken)
            {
                index = -1;
            }
            else if (index + 1 == Parties)
            {
                released = _waiters.DequeueAll();
            }
            else
            {
                waiter = new Waiter<int>(this, index, PrimitiveEvents.CurrentTaskIfObserved);
                _waiters.Enqueue(waiter);
            }

            AssertInvariants();
        }

        if (broken)
        {
            report.Send(_name, OperationOutcome.Failed, -1);
            return ValueTask.FromException<int>(new BarrierBrokenException(ErrorMessages.BarrierBroken(Name)));
        }

        if (released is not null)
        {
            report.Send(_name, OperationOutcome.Completed, index);
            foreach (var party in released)
            {
                party.TrySetResult(party.Payload);
            }

            return new ValueTask<int>(index);
        }

        // Woken with its arrival index (its payload), which it reports again when it resumes.
        report.Send(_name, OperationOutcome.Blocked, index);
        return waiter!.WaitAsync(cancellationToken, report with { ResumedValue = index });
    }

    private int FailWaiters(bool breakBarrier)
    {
        List<Waiter<int>> waiting;
        lock (_sync)
        {
            _broken = breakBarrier;
            waiting = _waiters.DequeueAll();
            AssertInvariants();
        }

        FailAll(waiting);
        return waiting.Count;
    }

    private void FailAll(List<Waiter<int>> waiting)
    {
        foreach (var waiter in waiting)
        {
            waiter.TrySetException(new BarrierBrokenException(ErrorMessages.BarrierBroken(Name)));
        }
    }

    // Called under _sync after every change made there.
    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_sync.IsHeldByCurrentThread, "The barrier's invariants are checked under its lock.");
        Debug.Assert(_waiters.Count < Parties, "Fewer than Parties tasks wait: the last to arrive releases the others.");
        Debug.Assert(!_broken || _waiters.IsEmpty, "No task waits at a broken barrier: breaking it fails them all.");
        _waiters.AssertInvariants();
    }
}
