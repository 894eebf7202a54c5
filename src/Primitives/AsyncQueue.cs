using System.Diagnostics;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Queues;
using Interleave.Primitives.Testing;
using Interleave.Primitives.Waiting;

namespace Interleave.Primitives;

/// <summary>
/// A first-in, first-out queue between producer and consumer tasks: the C# form of asyncio's
/// <c>Queue</c>, with <c>maxsize</c>, <c>task_done</c>/<c>join</c> and <c>shutdown</c>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// <para>Fair: blocked getters receive items, and blocked putters get room, in the order they started
/// waiting. An item put while a getter waits goes straight to that getter.</para>
/// <para>Cancellation-safe: a cancelled getter takes no item and a cancelled putter adds none. Once a
/// waiter was chosen (a getter handed its item, a putter's item moved into the queue) the operation has
/// happened, and a later cancellation does not undo it: no item is ever lost or duplicated.</para>
/// <para>Shutdown: after <see cref="Shutdown"/> puts throw <see cref="QueueShutDownException"/>, and so do
/// gets once the queue is empty; blocked putters and getters are woken with that exception.</para>
/// </remarks>
[DebuggerDisplay("{Name,nq}: count = {CountForDebugger}, max = {MaxSize}, unfinished = {UnfinishedCountForDebugger}")]
public partial class AsyncQueue<T> : IWaiterOwner<T>
{
    private static int _instances;
    private readonly Lock _sync = new();
    private readonly IItemStore<T> _items;
    private readonly WaiterQueue<T> _getters = new();
    private readonly WaiterQueue<T> _putters = new();
    private readonly PrimitiveName _name;
    private bool _isShutDown;

    /// <summary>Creates a FIFO queue.</summary>
    /// <param name="maxSize">The most items it holds; 0 (the default) for no limit (asyncio <c>maxsize</c>).</param>
    /// <param name="name">A name for traces and diagnostics; defaults to "AsyncQueue#n".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSize"/> is negative.</exception>
    public AsyncQueue(int maxSize = 0, string? name = null)
        : this(maxSize, new FifoStore<T>(), PrimitiveKind.AsyncQueue, name, ref _instances)
    {
    }

    private protected AsyncQueue(int maxSize, IItemStore<T> items, PrimitiveKind kind, string? name, ref int instances)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSize);
        MaxSize = maxSize;
        _items = items;
        _name = new PrimitiveName(kind, name, ref instances);
        _joiners = new JoinWaiters(this);
    }

    /// <summary>The queue's name in traces.</summary>
    public string Name => _name.Name;

    PrimitiveName IWaiterOwner<T>.Primitive => _name;

    /// <summary>The most items the queue holds; 0 for no limit (asyncio <c>maxsize</c>).</summary>
    public int MaxSize { get; }

    /// <summary>Items in the queue now (asyncio <c>qsize()</c>).</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _items.Count;
            }
        }
    }

    // The debugger's view reads fields without the lock, which a thread the debugger stopped may hold:
    // a snapshot that may be a moment old.
    private int CountForDebugger => _items.Count;

    /// <summary>True when the queue holds no item (asyncio <c>empty()</c>).</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>True when the queue holds <see cref="MaxSize"/> items, so a put would wait (asyncio <c>full()</c>).</summary>
    public bool IsFull => MaxSize > 0 && Count >= MaxSize;

    /// <summary>The number of tasks waiting in <see cref="GetAsync"/>.</summary>
    internal int GetterCount => _getters.CountUnder(_sync);

    /// <summary>The number of tasks waiting in <see cref="PutAsync"/>.</summary>
    internal int PutterCount => _putters.CountUnder(_sync);

    /// <summary>
    /// Puts <paramref name="item"/> in the queue, waiting while it is full (asyncio <c>await queue.put(item)</c>).
    /// Completes synchronously, without allocating, when there is room.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Stops the wait; the item is then not put.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>A task that completes once the item is in the queue.</returns>
    /// <exception cref="QueueShutDownException">The queue is or becomes shut down.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the item was put.</exception>
    public ValueTask PutAsync(
        T item,
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0) =>
        PutCoreAsync(item, cancellationToken, new WaitReport(PrimitiveOperation.Put, callerFile, callerLine));

    /// <summary>Puts <paramref name="item"/> if there is room now (asyncio <c>put_nowait</c>, with false for <c>QueueFull</c>).</summary>
    /// <param name="item">The item.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>True if the item was put; false if the queue is full.</returns>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    public bool TryPut(T item, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point(_name.Name);
        PutResult result;
        Waiter<T>? getter;
        int count;
        lock (_sync)
        {
            result = TryPutCore(item, out getter, out count);
            AssertInvariants();
        }

        switch (result)
        {
            case PutResult.ShutDown:
                throw ShutDownFailure(PrimitiveOperation.Put, callerFile, callerLine);
            case PutResult.Done:
                Deliver(getter, item, PrimitiveOperation.Put, OperationOutcome.Completed, count, callerFile, callerLine);
                return true;
            default:
                PrimitiveEvents.Report(_name, PrimitiveOperation.Put, OperationOutcome.Refused, count, callerFile, callerLine);
                return false;
        }
    }

    /// <summary>
    /// Takes the next item, waiting while the queue is empty (asyncio <c>await queue.get()</c>). Completes
    /// synchronously, without allocating, when an item is there.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait; no item is then taken.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>The item.</returns>
    /// <exception cref="QueueShutDownException">The queue is shut down and empty.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before an item was taken.</exception>
    public ValueTask<T> GetAsync(
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0) =>
        GetCoreAsync(cancellationToken, new WaitReport(PrimitiveOperation.Get, callerFile, callerLine));

    /// <summary>Takes the next item if there is one now (asyncio <c>get_nowait</c>, with false for <c>QueueEmpty</c>).</summary>
    /// <param name="item">The item taken, or default.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>True if an item was taken; false if the queue is empty.</returns>
    /// <exception cref="QueueShutDownException">The queue is shut down and empty.</exception>
    public bool TryGet(out T item, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point(_name.Name);
        GetResult result;
        Waiter<T>? admitted;
        int count;
        lock (_sync)
        {
            result = TryGetCore(out item, out admitted, out count);
            AssertInvariants();
        }

        switch (result)
        {
            case GetResult.ShutDown:
                throw ShutDownFailure(PrimitiveOperation.Get, callerFile, callerLine);
            case GetResult.Done:
                Admit(admitted, count, callerFile, callerLine);
                return true;
            default:
                PrimitiveEvents.Report(_name, PrimitiveOperation.Get, OperationOutcome.Refused, 0, callerFile, callerLine);
                return false;
        }
    }

    bool IWaiterOwner<T>.TryRemoveCancelled(Waiter<T> waiter)
    {
        lock (_sync)
        {
            var removed = waiter.Queue is { } queue && queue.Remove(waiter);
            AssertInvariants();
            return removed;
        }
    }

    private ValueTask PutCoreAsync(T item, CancellationToken cancellationToken, in WaitReport report)
    {
        if (report.CancelledAtStart(cancellationToken, _name))
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        Waiter<T>? putter = null;
        PutResult result;
        Waiter<T>? getter;
        int count;
        lock (_sync)
        {
            result = TryPutCore(item, out getter, out count);
            if (result == PutResult.Full)
            {
                putter = new Waiter<T>(this, item, PrimitiveEvents.CurrentTaskIfObserved);
                _putters.Enqueue(putter);
            }

            AssertInvariants();
        }

        switch (result)
        {
            case PutResult.ShutDown:
                return ValueTask.FromException(ShutDownFailure(report.Operation, report.CallerFile, report.CallerLine));
            case PutResult.Done:
                Deliver(getter, item, report.Operation, OperationOutcome.Completed, count, report.CallerFile, report.CallerLine);
                return ValueTask.CompletedTask;
            default:
                report.Send(_name, OperationOutcome.Blocked, count);
                return putter!.WaitWithoutResultAsync(cancellationToken, report);
        }
    }

    private ValueTask<T> GetCoreAsync(CancellationToken cancellationToken, in WaitReport report)
    {
        if (report.CancelledAtStart(cancellationToken, _name))
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        Waiter<T>? getter = null;
        GetResult result;
        T item;
        Waiter<T>? admitted;
        int count;
        lock (_sync)
        {
            result = TryGetCore(out item, out admitted, out count);
            if (result == GetResult.Empty)
            {
                getter = new Waiter<T>(this, default!, PrimitiveEvents.CurrentTaskIfObserved);
                _getters.Enqueue(getter);
            }

            AssertInvariants();
        }

        switch (result)
        {
            case GetResult.ShutDown:
                return ValueTask.FromException<T>(ShutDownFailure(report.Operation, report.CallerFile, report.CallerLine));
            case GetResult.Done:
                Admit(admitted, count, report.CallerFile, report.CallerLine);
                return new ValueTask<T>(item);
            default:
                report.Send(_name, OperationOutcome.Blocked, 0);
                return getter!.WaitAsync(cancellationToken, report);
        }
    }

    /// <summary>Under <c>_sync</c>: puts without waiting, handing the item to a waiting getter (returned) or storing it.</summary>
    private PutResult TryPutCore(T item, out Waiter<T>? getter, out int count)
    {
        getter = null;
        count = _items.Count;
        if (_isShutDown)
        {
            return PutResult.ShutDown;
        }

        if (_getters.Dequeue() is { } waiting)
        {
            getter = waiting;
        }
        else if (MaxSize > 0 && _items.Count >= MaxSize)
        {
            return PutResult.Full;
        }
        else
        {
            _items.Add(item);
            count = _items.Count;
        }

        _unfinished++;
        return PutResult.Done;
    }

    /// <summary>
    /// Under <c>_sync</c>: takes an item if there is one, and moves the longest-waiting putter's item into
    /// the room it leaves (that putter is returned, to be completed outside the lock).
    /// </summary>
    private GetResult TryGetCore(out T item, out Waiter<T>? admitted, out int count)
    {
        admitted = null;
        if (_items.Count == 0)
        {
            item = default!;
            count = 0;
            return _isShutDown ? GetResult.ShutDown : GetResult.Empty;
        }

        item = _items.Take();
        if (_putters.Dequeue() is { } putter)
        {
            _items.Add(putter.Payload);
            _unfinished++;
            admitted = putter;
        }

        count = _items.Count;
        return GetResult.Done;
    }

    /// <summary>Reports a completed put, then hands the item to the getter it went to, if any.</summary>
    private void Deliver(Waiter<T>? getter, T item, PrimitiveOperation operation, OperationOutcome outcome, int count,
        string callerFile, int callerLine)
    {
        PrimitiveEvents.Report(_name, operation, outcome, count, callerFile, callerLine, getter?.WaitingTask ?? TaskIdentity.None);
        getter?.TrySetResult(item);
    }

    /// <summary>Reports a completed get, then wakes the putter whose item took the freed room, if any.</summary>
    private void Admit(Waiter<T>? putter, int count, string callerFile, int callerLine)
    {
        PrimitiveEvents.Report(_name, PrimitiveOperation.Get, OperationOutcome.Completed, count, callerFile, callerLine,
            putter?.WaitingTask ?? TaskIdentity.None);
        putter?.TrySetResult(putter.Payload);
    }

    private QueueShutDownException ShutDownFailure(PrimitiveOperation operation, string callerFile, int callerLine)
    {
        PrimitiveEvents.Report(_name, operation, OperationOutcome.Failed, -1, callerFile, callerLine);
        return new QueueShutDownException(ErrorMessages.QueueShutDown(Name));
    }

    // Called under _sync after every change made there, the join waiters' included.
    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_sync.IsHeldByCurrentThread, "The queue's invariants are checked under its lock.");
        Debug.Assert(MaxSize == 0 || _items.Count <= MaxSize, "The queue never holds more than MaxSize items.");
        Debug.Assert(_getters.IsEmpty || _items.Count == 0, "Getters wait only while the queue is empty.");
        Debug.Assert(
            _putters.IsEmpty || (MaxSize > 0 && _items.Count == MaxSize), "Putters wait only while the queue is full.");
        Debug.Assert(
            _unfinished >= 0, "The unfinished count is never negative (TaskDone may come before the get, as in asyncio).");
        Debug.Assert(_unfinished > 0 || _joiners.Queue.IsEmpty, "Joiners wait only while some item is unfinished.");
        Debug.Assert(
            !_isShutDown || _putters.IsEmpty, "No putter waits on a shut-down queue: shutting down fails them all.");

        // The mutant breaks this rule on purpose; the property suite must catch it by what the getters see.
        Debug.Assert(
            !_isShutDown || _getters.IsEmpty || Mutation.Is(Mutant.ShutdownLeavesGettersWaiting),
            "No getter waits on a shut-down queue: shutting down fails them all.");
        _getters.AssertInvariants();
        _putters.AssertInvariants();
        _joiners.Queue.AssertInvariants();
    }

    private enum PutResult
    {
        Done,
        Full,
        ShutDown,
    }

    private enum GetResult
    {
        Done,
        Empty,
        ShutDown,
    }
}
