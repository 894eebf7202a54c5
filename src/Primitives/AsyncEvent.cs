using System.Diagnostics;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Testing;
using Interleave.Primitives.Waiting;

namespace Interleave.Primitives;

/// <summary>
/// A flag tasks can wait for: the C# form of asyncio's <c>Event</c>.
/// </summary>
/// <remarks>
/// <para><see cref="Set"/> wakes every waiting task and lets later waits through at once until
/// <see cref="Clear"/>. A task woken by <see cref="Set"/> returns even if the event is cleared again
/// before it resumes, as in asyncio.</para>
/// <para>Cancellation-safe: a cancelled waiter leaves the queue; since a set wakes every waiter there is
/// no wake-up to lose. A waiter whose token fires after the set returns normally.</para>
/// </remarks>
[DebuggerDisplay("{Name,nq}: {IsSet ? \"set\" : \"clear\",nq}, waiters = {WaiterCountForDebugger}")]
public sealed class AsyncEvent : IWaiterOwner<bool>
{
    private static int _instances;
    private readonly Lock _sync = new();
    private readonly WaiterQueue<bool> _waiters = new();
    private readonly PrimitiveName _name;
    private bool _isSet;

    /// <summary>Creates an event that is not set.</summary>
    /// <param name="name">A name for traces and diagnostics; defaults to "AsyncEvent#n".</param>
    public AsyncEvent(string? name = null) => _name = new PrimitiveName(PrimitiveKind.AsyncEvent, name, ref _instances);

    /// <summary>The event's name in traces.</summary>
    public string Name => _name.Name;

    PrimitiveName IWaiterOwner<bool>.Primitive => _name;

    /// <summary>True while the event is set (asyncio <c>is_set()</c>).</summary>
    public bool IsSet => Volatile.Read(ref _isSet);

    /// <summary>The number of tasks waiting for the event.</summary>
    internal int WaiterCount => _waiters.CountUnder(_sync);

    // The debugger's view reads fields without the lock, which a thread the debugger stopped may hold:
    // a snapshot that may be a moment old.
    private int WaiterCountForDebugger => _waiters.Count;

    /// <summary>Sets the event and wakes every waiting task (asyncio <c>set()</c>).</summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    public void Set([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point(_name.Name);
        List<Waiter<bool>>? woken = null;
        lock (_sync)
        {
            _isSet = true;
            if (!_waiters.IsEmpty)
            {
                woken = _waiters.DequeueAll();
            }

            AssertInvariants();
        }

        PrimitiveEvents.Report(_name, PrimitiveOperation.Set, OperationOutcome.Completed, woken?.Count ?? 0, callerFile, callerLine);
        if (woken is not null)
        {
            foreach (var waiter in woken)
            {
                waiter.TrySetResult(true);
            }
        }
    }

    /// <summary>Clears the event, so later waits block until the next <see cref="Set"/> (asyncio <c>clear()</c>).</summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    public void Clear([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point(_name.Name);
        lock (_sync)
        {
            _isSet = Mutation.Is(Mutant.ClearDoesNothing) && _isSet;
            AssertInvariants();
        }

        PrimitiveEvents.Report(_name, PrimitiveOperation.Clear, OperationOutcome.Completed, -1, callerFile, callerLine);
    }

    /// <summary>
    /// Waits until the event is set (asyncio <c>await event.wait()</c>); returns at once, without
    /// allocating, when it already is.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>A task that completes when the event is set.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled before the event was set.</exception>
    public ValueTask WaitAsync(
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0) =>
        WaitCoreAsync(cancellationToken, new WaitReport(PrimitiveOperation.Wait, callerFile, callerLine));

    bool IWaiterOwner<bool>.TryRemoveCancelled(Waiter<bool> waiter)
    {
        lock (_sync)
        {
            var removed = _waiters.Remove(waiter);
            AssertInvariants();
            return removed;
        }
    }

    private ValueTask WaitCoreAsync(CancellationToken cancellationToken, in WaitReport report)
    {
        if (report.CancelledAtStart(cancellationToken, _name))
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        Waiter<bool>? waiter = null;
        lock (_sync)
        {
            if (!_isSet)
            {
                waiter = new Waiter<bool>(this, false, PrimitiveEvents.CurrentTaskIfObserved);
                _waiters.Enqueue(waiter);
            }

            AssertInvariants();
        }

        if (waiter is null)
        {
            report.Send(_name, OperationOutcome.Completed, -1);
            return ValueTask.CompletedTask;
        }

        report.Send(_name, OperationOutcome.Blocked, -1);
        return waiter.WaitWithoutResultAsync(cancellationToken, report);
    }

    // Called under _sync after every change made there.
    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_sync.IsHeldByCurrentThread, "The event's invariants are checked under its lock.");
        Debug.Assert(!_isSet || _waiters.IsEmpty, "No task waits while the event is set: setting it wakes them all.");
        _waiters.AssertInvariants();
    }
}
