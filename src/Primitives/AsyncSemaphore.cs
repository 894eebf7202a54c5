using System.Diagnostics;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Waiting;

namespace Interleave.Primitives;

/// <summary>
/// A counting semaphore for tasks: the C# form of asyncio's <c>Semaphore</c>.
/// </summary>
/// <remarks>
/// <para>Fair: waiters get permits in the order they started waiting; a release hands its permit straight
/// to the longest waiter, so a newcomer never takes a permit while others wait.</para>
/// <para>Cancellation-safe: a waiter cancelled before it is chosen takes nothing; one cancelled after it was
/// chosen but before it resumed passes the permit on and throws <see cref="OperationCanceledException"/>.</para>
/// <para>Like asyncio's, <see cref="Release"/> may raise the count above its initial value; use
/// <see cref="AsyncBoundedSemaphore"/> to treat that as a bug.</para>
/// </remarks>
[DebuggerDisplay("{Name,nq}: count = {CurrentCount}, waiters = {WaiterCount}")]
public class AsyncSemaphore : IReleasable, IWaiterOwner<bool>
{
    private static int _instances;
    private readonly Lock _sync = new();
    private readonly WaiterQueue<bool> _waiters = new();
    private readonly PrimitiveName _name;
    private readonly int _bound;
    private int _count;

    /// <summary>Creates a semaphore with <paramref name="initialCount"/> permits.</summary>
    /// <param name="initialCount">Permits available at first (asyncio's <c>value</c>).</param>
    /// <param name="name">A name for traces and diagnostics; defaults to "AsyncSemaphore#n".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialCount"/> is negative.</exception>
    public AsyncSemaphore(int initialCount = 1, string? name = null)
        : this(initialCount, int.MaxValue, nameof(AsyncSemaphore), name, ref _instances)
    {
    }

    private protected AsyncSemaphore(int initialCount, int bound, string kind, string? name, ref int instances)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialCount);
        _count = initialCount;
        _bound = bound;
        _name = new PrimitiveName(kind, name, ref instances);
    }

    /// <summary>The semaphore's name in traces.</summary>
    public string Name => _name.Name;

    /// <summary>Permits available now.</summary>
    public int CurrentCount => Volatile.Read(ref _count);

    /// <summary>True when no permit is available, so an acquire would wait (asyncio <c>locked()</c>).</summary>
    public bool IsLocked => CurrentCount == 0;

    /// <summary>The number of tasks waiting for a permit.</summary>
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

    /// <summary>
    /// Takes a permit, waiting while none is free (asyncio <c>async with sem</c> / <c>await sem.acquire()</c>).
    /// Completes synchronously, without allocating, when a permit is free.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait; no permit is then taken.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>A <see cref="Releaser"/> whose <c>Dispose</c> returns the permit.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled before a permit was taken.</exception>
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
        int count;
        lock (_sync)
        {
            if (_count > 0)
            {
                _count--;
                AssertInvariants();
            }
            else
            {
                waiter = new Waiter<bool>(this, false, Reporter.CurrentTaskIfObserved);
                _waiters.Enqueue(waiter);
            }

            count = _count;
        }

        if (waiter is null)
        {
            Reporter.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Completed, count, callerFile, callerLine);
            return new ValueTask<Releaser>(new Releaser(this));
        }

        Reporter.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Blocked, count, callerFile, callerLine);
        return new ValueTask<Releaser>(AcquireSlowAsync(waiter, cancellationToken, callerFile, callerLine));
    }

    /// <summary>
    /// Returns a permit (asyncio <c>release()</c>), handing it to the longest-waiting task if any.
    /// </summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <exception cref="SemaphoreFullException">A bounded semaphore would exceed its initial count.</exception>
    public void Release([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point();
        bool full;
        Waiter<bool>? next = null;
        int count;
        lock (_sync)
        {
            // While tasks wait, every permit is held (count is 0), so a release is legitimate unless there
            // are no permits at all (a bound of 0).
            full = _bound == 0 || (_waiters.IsEmpty && _count >= _bound);
            if (!full)
            {
                next = ReleaseCore();
            }

            count = _count;
        }

        if (full)
        {
            Reporter.Report(_name, PrimitiveOperation.Release, OperationOutcome.Failed, count, callerFile, callerLine);
            throw new SemaphoreFullException(ErrorMessages.SemaphoreFull(Name, _bound));
        }

        HandOff(next, PrimitiveOperation.Release, OperationOutcome.Completed, count, callerFile, callerLine);
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

    /// <summary>Under <c>_sync</c>: hands a permit to the next waiter (returned) or adds it to the count.</summary>
    private Waiter<bool>? ReleaseCore()
    {
        var next = _waiters.Dequeue();
        if (next is null)
        {
            _count++;
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
            // Chosen, then cancelled before it resumed: pass the permit on rather than keep it.
            Waiter<bool>? next;
            int count;
            lock (_sync)
            {
                next = ReleaseCore();
                count = _count;
            }

            HandOff(next, PrimitiveOperation.Acquire, OperationOutcome.Cancelled, count, callerFile, callerLine);
            throw new OperationCanceledException(cancellationToken);
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
            _count >= 0 && _count <= _bound && (_count == 0 || _waiters.IsEmpty),
            "0 <= count <= bound, and tasks wait only while the count is 0.");
}
