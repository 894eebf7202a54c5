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
[DebuggerDisplay("{Name,nq}: {IsLocked ? \"locked\" : \"unlocked\",nq}, waiters = {WaiterCountForDebugger}")]
public sealed class AsyncLock
{
    private static int _instances;
    private readonly PermitGate _gate;

    /// <summary>Creates an unlocked lock.</summary>
    /// <param name="name">A name for traces and diagnostics; defaults to "AsyncLock#n".</param>
    public AsyncLock(string? name = null) =>
        _gate = new PermitGate(
            new PrimitiveName(PrimitiveKind.AsyncLock, name, ref _instances),
            initialCount: 1,
            bound: 1,
            tracksHolder: true,
            static (lockName, _) => new InvalidOperationException(ErrorMessages.ReleaseUnheldLock(lockName)));

    /// <summary>The lock's name in traces.</summary>
    public string Name => _gate.Name;

    /// <summary>True while some task holds the lock (asyncio <c>locked()</c>).</summary>
    public bool IsLocked => _gate.CurrentCount == 0;

    /// <summary>The number of tasks waiting to acquire the lock.</summary>
    internal int WaiterCount => _gate.WaiterCount;

    // The debugger's view never takes the gate's lock (see PermitGate.WaiterCountForDebugger).
    private int WaiterCountForDebugger => _gate.WaiterCountForDebugger;

    /// <summary>The task holding the lock, as recorded while an observer is installed.</summary>
    internal TaskIdentity Holder => _gate.Holder;

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
        [CallerLineNumber] int callerLine = 0) =>
        _gate.AcquireAsync(cancellationToken, callerFile, callerLine);

    /// <summary>
    /// Releases the lock (asyncio <c>release()</c>), handing it to the longest-waiting task if any.
    /// </summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <exception cref="InvalidOperationException">The lock is not locked.</exception>
    public void Release([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        _gate.Release(callerFile, callerLine);
}
