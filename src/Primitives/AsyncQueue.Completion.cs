using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Testing;
using Interleave.Primitives.Waiting;

namespace Interleave.Primitives;

/// <content>Work tracking (<c>task_done</c>/<c>join</c>) and shutdown.</content>
public partial class AsyncQueue<T>
{
    private readonly JoinWaiters _joiners;
    private int _unfinished;

    /// <summary>True once <see cref="Shutdown"/> was called.</summary>
    public bool IsShutDown => Volatile.Read(ref _isShutDown);

    /// <summary>Items put but not yet marked done with <see cref="TaskDone"/>.</summary>
    internal int UnfinishedCount
    {
        get
        {
            lock (_sync)
            {
                return _unfinished;
            }
        }
    }

    // For the debugger's view, without the lock (see CountForDebugger).
    private int UnfinishedCountForDebugger => Volatile.Read(ref _unfinished);

    /// <summary>
    /// Marks one item taken from the queue as processed (asyncio <c>task_done()</c>); when every item put
    /// has been marked, <see cref="JoinAsync"/> callers are released.
    /// </summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <exception cref="InvalidOperationException">Called more times than items were put.</exception>
    public void TaskDone([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point(_name.Name);
        bool tooMany;
        List<Waiter<bool>>? released = null;
        int unfinished;
        lock (_sync)
        {
            tooMany = _unfinished == 0;
            if (!tooMany && (Mutation.Is(Mutant.TaskDoneNotCounted) ? _unfinished : --_unfinished) == 0 && !_joiners.Queue.IsEmpty)
            {
                released = _joiners.Queue.DequeueAll();
            }

            unfinished = _unfinished;
            AssertInvariants();
        }

        if (tooMany)
        {
            PrimitiveEvents.Report(_name, PrimitiveOperation.TaskDone, OperationOutcome.Failed, 0, callerFile, callerLine);
            throw new InvalidOperationException(ErrorMessages.TooManyTaskDone(Name));
        }

        PrimitiveEvents.Report(_name, PrimitiveOperation.TaskDone, OperationOutcome.Completed, unfinished, callerFile, callerLine);
        ReleaseJoiners(released);
    }

    /// <summary>
    /// Waits until every item put has been marked done with <see cref="TaskDone"/> (asyncio
    /// <c>await queue.join()</c>); returns at once when none is unfinished.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>A task that completes when no item is unfinished.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    public ValueTask JoinAsync(
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0) =>
        JoinCoreAsync(
            cancellationToken, new WaitReport(PrimitiveOperation.Join, callerFile, callerLine) { ResumedValue = 0 });

    /// <summary>
    /// Shuts the queue down (asyncio <c>shutdown(immediate)</c>): later puts throw
    /// <see cref="QueueShutDownException"/>, as do gets once the queue is empty, and blocked putters and
    /// getters are woken with that exception (a blocked putter's item is not added).
    /// </summary>
    /// <param name="immediate">
    /// Also discard the items still queued, marking each as done so <see cref="JoinAsync"/> callers are
    /// not left waiting for items nobody will take.
    /// </param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    public void Shutdown(bool immediate = false, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point(_name.Name);
        List<Waiter<T>> getters;
        List<Waiter<T>> putters;
        List<Waiter<bool>>? joiners = null;
        var discarded = 0;
        lock (_sync)
        {
            _isShutDown = true;
            if (immediate)
            {
                discarded = _items.Count;
                _items.Clear();
                _unfinished = Math.Max(0, _unfinished - discarded);
                if (_unfinished == 0)
                {
                    joiners = _joiners.Queue.DequeueAll();
                }
            }

            getters = Mutation.Is(Mutant.ShutdownLeavesGettersWaiting) ? [] : _getters.DequeueAll();
            putters = _putters.DequeueAll();
            AssertInvariants();
        }

        PrimitiveEvents.Report(_name, PrimitiveOperation.Shutdown, OperationOutcome.Completed, discarded, callerFile, callerLine);
        foreach (var waiter in getters.Concat(putters))
        {
            waiter.TrySetException(new QueueShutDownException(ErrorMessages.QueueShutDown(Name)));
        }

        ReleaseJoiners(joiners);
    }

    private ValueTask JoinCoreAsync(CancellationToken cancellationToken, in WaitReport report)
    {
        if (report.CancelledAtStart(cancellationToken, _name))
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        Waiter<bool>? joiner = null;
        int unfinished;
        lock (_sync)
        {
            unfinished = _unfinished;
            if (unfinished > 0)
            {
                joiner = new Waiter<bool>(_joiners, false, PrimitiveEvents.CurrentTaskIfObserved);
                _joiners.Queue.Enqueue(joiner);
            }

            AssertInvariants();
        }

        if (joiner is null)
        {
            report.Send(_name, OperationOutcome.Completed, 0);
            return ValueTask.CompletedTask;
        }

        report.Send(_name, OperationOutcome.Blocked, unfinished);
        return joiner.WaitWithoutResultAsync(cancellationToken, report);
    }

    private static void ReleaseJoiners(List<Waiter<bool>>? joiners)
    {
        if (joiners is not null)
        {
            foreach (var joiner in joiners)
            {
                joiner.TrySetResult(true);
            }
        }
    }

    /// <summary>The tasks waiting in <see cref="JoinAsync"/>; a separate owner because their waiters carry no item.</summary>
    private sealed class JoinWaiters(AsyncQueue<T> queue) : IWaiterOwner<bool>
    {
        internal WaiterQueue<bool> Queue { get; } = new();

        public PrimitiveName Primitive => queue._name;

        public bool TryRemoveCancelled(Waiter<bool> waiter)
        {
            lock (queue._sync)
            {
                var removed = Queue.Remove(waiter);
                queue.AssertInvariants();
                return removed;
            }
        }
    }
}
