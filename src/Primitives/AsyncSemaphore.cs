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
[DebuggerDisplay("{Name,nq}: count = {CurrentCount}, waiters = {WaiterCountForDebugger}")]
public class AsyncSemaphore
{
    private static int _instances;
    private readonly PermitGate _gate;

    /// <summary>Creates a semaphore with <paramref name="initialCount"/> permits.</summary>
    /// <param name="initialCount">Permits available at first (asyncio's <c>value</c>).</param>
    /// <param name="name">A name for traces and diagnostics; defaults to "AsyncSemaphore#n".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialCount"/> is negative.</exception>
    public AsyncSemaphore(int initialCount = 1, string? name = null)
        : this(initialCount, int.MaxValue, PrimitiveKind.AsyncSemaphore, name, ref _instances)
    {
    }

    private protected AsyncSemaphore(int initialCount, int bound, PrimitiveKind kind, string? name, ref int instances)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialCount);
        _gate = new PermitGate(
            new PrimitiveName(kind, name, ref instances),
            initialCount,
            bound,
            tracksHolder: false,
            static (semaphoreName, limit) => new SemaphoreFullException(ErrorMessages.SemaphoreFull(semaphoreName, limit)));
    }

    /// <summary>The semaphore's name in traces.</summary>
    public string Name => _gate.Name;

    /// <summary>Permits available now.</summary>
    public int CurrentCount => _gate.CurrentCount;

    /// <summary>True when no permit is available, so an acquire would wait (asyncio <c>locked()</c>).</summary>
    public bool IsLocked => CurrentCount == 0;

    /// <summary>The number of tasks waiting for a permit.</summary>
    internal int WaiterCount => _gate.WaiterCount;

    // The debugger's view never takes the gate's lock (see PermitGate.WaiterCountForDebugger).
    private int WaiterCountForDebugger => _gate.WaiterCountForDebugger;

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
        [CallerLineNumber] int callerLine = 0) =>
        _gate.AcquireAsync(cancellationToken, callerFile, callerLine);

    /// <summary>
    /// Returns a permit (asyncio <c>release()</c>), handing it to the longest-waiting task if any.
    /// </summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <exception cref="SemaphoreFullException">A bounded semaphore would exceed its initial count.</exception>
    public void Release([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        _gate.Release(callerFile, callerLine);
}
