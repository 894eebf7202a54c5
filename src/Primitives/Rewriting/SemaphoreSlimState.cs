using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Microsoft.Coyote.Runtime;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// The count and waiters of one <see cref="SemaphoreSlim"/> created under test (<see cref="SemaphoreSlimShim"/>),
/// kept beside the object, with .NET's rules: a release hands its permits to the waiting <c>WaitAsync</c> callers
/// first, in order, and leaves the rest to the count, for which synchronous waiters and newcomers compete; a
/// release past the maximum throws <see cref="SemaphoreFullException"/>; a cancelled waiter takes nothing. Timeouts
/// are Coyote's model: zero tries at once, any other waits as an infinite one does. Only one controlled operation
/// runs at a time, so the state needs no lock of its own.
/// </summary>
internal sealed class SemaphoreSlimState
{
    private static readonly ConditionalWeakTable<SemaphoreSlim, SemaphoreSlimState> States = new();
    private static int _instances;

    private readonly List<AsyncWaiter> _asyncWaiters = [];
    private readonly PrimitiveName _name;
    private readonly int _max;

    private SemaphoreSlimState(int initialCount, int maxCount)
    {
        (Count, _max) = (initialCount, maxCount);
        _name = new PrimitiveName(PrimitiveKind.SemaphoreSlim, null, ref _instances);
    }

    internal int Count { get; private set; }

    /// <summary>A new semaphore whose state is kept here.</summary>
    internal static SemaphoreSlim Create(int initialCount, int maxCount)
    {
        var semaphore = new SemaphoreSlim(initialCount, maxCount);
        States.Add(semaphore, new SemaphoreSlimState(initialCount, maxCount));
        return semaphore;
    }

    /// <summary>The state of <paramref name="semaphore"/>, if it was created under test by rewritten code.</summary>
    internal static SemaphoreSlimState? Of(SemaphoreSlim semaphore)
    {
        ArgumentNullException.ThrowIfNull(semaphore);
        return Scheduling.IsControlled && States.TryGetValue(semaphore, out var state) ? state : null;
    }

    internal Task<bool> WaitAsync(int millisecondsTimeout, CancellationToken cancellationToken, string callerFile, int callerLine)
    {
        Scheduling.Point();
        if (cancellationToken.IsCancellationRequested)
        {
            Report(OperationOutcome.Cancelled, callerFile, callerLine);
            return Task.FromCanceled<bool>(cancellationToken);
        }

        if (TryTake(millisecondsTimeout, callerFile, callerLine) is { } done)
        {
            return Task.FromResult(done);
        }

        var waiter = new AsyncWaiter();
        _asyncWaiters.Add(waiter);
        Report(OperationOutcome.Blocked, callerFile, callerLine);
        return Scheduling.Known(WaitForPermitAsync(waiter, cancellationToken, callerFile, callerLine));
    }

    internal bool Wait(int millisecondsTimeout, CancellationToken cancellationToken, string callerFile, int callerLine)
    {
        Scheduling.Point();
        cancellationToken.ThrowIfCancellationRequested();
        if (TryTake(millisecondsTimeout, callerFile, callerLine) is { } done)
        {
            return done;
        }

        Report(OperationOutcome.Blocked, callerFile, callerLine);
        Operation.PauseUntil(() => Count > 0 || cancellationToken.IsCancellationRequested);
        if (Count == 0)
        {
            Report(OperationOutcome.Cancelled, callerFile, callerLine);
            throw new OperationCanceledException(cancellationToken);
        }

        Count--;
        Report(OperationOutcome.Resumed, callerFile, callerLine);
        return true;
    }

    internal int Release(int releaseCount, string callerFile, int callerLine)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(releaseCount, 1);
        if (releaseCount > _max - Count)
        {
            PrimitiveEvents.Report(_name, PrimitiveOperation.Release, OperationOutcome.Failed, Count, callerFile, callerLine);
            throw new SemaphoreFullException();
        }

        var previous = Count;
        var handedTo = TaskIdentity.None;
        while (releaseCount > 0 && _asyncWaiters.Count > 0)
        {
            var waiter = _asyncWaiters[0];
            _asyncWaiters.RemoveAt(0);
            waiter.Granted = true;
            handedTo = handedTo == TaskIdentity.None ? waiter.Task : handedTo;
            releaseCount--;
        }

        Count += releaseCount;
        PrimitiveEvents.Report(_name, PrimitiveOperation.Release, OperationOutcome.Completed, Count, callerFile, callerLine, handedTo);
        return previous;
    }

    // A permit now, false for a zero timeout, or null: the caller waits.
    private bool? TryTake(int millisecondsTimeout, string callerFile, int callerLine)
    {
        if (Count > 0)
        {
            Count--;
            Report(OperationOutcome.Completed, callerFile, callerLine);
            return true;
        }

        if (millisecondsTimeout == 0)
        {
            Report(OperationOutcome.Refused, callerFile, callerLine);
            return false;
        }

        return null;
    }

    private async Task<bool> WaitForPermitAsync(AsyncWaiter waiter, CancellationToken cancellationToken, string callerFile, int callerLine)
    {
        await Scheduling.PauseUntilAsync(() => waiter.Granted || cancellationToken.IsCancellationRequested);
        if (waiter.Granted)
        {
            Report(OperationOutcome.Resumed, callerFile, callerLine);
            return true;
        }

        _asyncWaiters.Remove(waiter);
        Report(OperationOutcome.Cancelled, callerFile, callerLine);
        throw new OperationCanceledException(cancellationToken);
    }

    private void Report(OperationOutcome outcome, string callerFile, int callerLine) =>
        PrimitiveEvents.Report(_name, PrimitiveOperation.Acquire, outcome, Count, callerFile, callerLine);

    private sealed class AsyncWaiter
    {
        internal TaskIdentity Task { get; } = ControlledTask.CurrentIdentity;

        internal bool Granted { get; set; }
    }
}
