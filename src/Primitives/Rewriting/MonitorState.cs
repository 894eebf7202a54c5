using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Microsoft.Coyote.Runtime;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// The monitor of one object under test (<see cref="MonitorShim"/>): its owner, how often the owner entered it,
/// and the tasks in <see cref="Monitor.Wait(object)"/>, in order. The owner is a thread, as .NET's monitor's
/// is (Coyote runs each controlled operation on a thread of its own), and is named in reports by its task.
/// Only one controlled operation runs at a time, so the state needs no lock of its own; every wait pauses
/// the operation on a condition over it.
/// </summary>
internal sealed class MonitorState
{
    private static readonly ConditionalWeakTable<object, MonitorState> States = new();
    private static int _instances;

    private readonly List<Waiting> _waiters = [];
    private readonly PrimitiveName _name;
    private int _ownerThread;
    private TaskIdentity _ownerTask = TaskIdentity.None;
    private int _depth;

    private MonitorState(object obj)
    {
        // "Object#1", "Queue#2": the locked object's type, without the arity of a generic one.
        var type = obj.GetType().Name;
        var tick = type.IndexOf('`', StringComparison.Ordinal);
        var number = IterationCounters.Next(PrimitiveKind.Monitor, ref _instances);
        _name = new PrimitiveName(PrimitiveKind.Monitor, $"{(tick > 0 ? type[..tick] : type)}#{number}");
    }

    internal bool IsHeldByCurrentTask => _ownerThread == Environment.CurrentManagedThreadId;

    private bool IsFree => _ownerThread == 0;

    internal static MonitorState Of(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return States.GetValue(obj, static o => new MonitorState(o));
    }

    /// <summary>Takes the lock, waiting while another task holds it; a scheduling point first, as Coyote's own monitor has.</summary>
    internal void Enter(string callerFile, int callerLine)
    {
        Scheduling.Point();
        if (IsHeldByCurrentTask)
        {
            _depth++;
            return;
        }

        if (!IsFree)
        {
            PrimitiveEvents.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Blocked, 0, callerFile, callerLine, _ownerTask);
            Operation.PauseUntil(() => IsFree);
            Take(1);
            PrimitiveEvents.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Resumed, 0, callerFile, callerLine);
            return;
        }

        Take(1);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Completed, 0, callerFile, callerLine);
    }

    /// <summary>A timed enter, whose timeout Coyote does not model: it waits as <see cref="Enter"/> does.</summary>
    internal bool EnterTimed(string callerFile, int callerLine)
    {
        Enter(callerFile, callerLine);
        return true;
    }

    /// <summary>Takes the lock if no other task holds it.</summary>
    internal bool TryEnter(string callerFile, int callerLine)
    {
        Scheduling.Point();
        if (IsHeldByCurrentTask)
        {
            _depth++;
            return true;
        }

        if (!IsFree)
        {
            PrimitiveEvents.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Refused, 0, callerFile, callerLine, _ownerTask);
            return false;
        }

        Take(1);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Completed, 0, callerFile, callerLine);
        return true;
    }

    internal void Exit(string callerFile, int callerLine)
    {
        ThrowUnlessHeld();
        if (--_depth == 0)
        {
            (_ownerThread, _ownerTask) = (0, TaskIdentity.None);
            PrimitiveEvents.Report(_name, PrimitiveOperation.Release, OperationOutcome.Completed, 0, callerFile, callerLine);
        }
    }

    /// <summary>Releases the lock wholly, waits for a pulse, and takes it back as deeply as it was held.</summary>
    internal bool Wait(string callerFile, int callerLine)
    {
        ThrowUnlessHeld();
        var depth = _depth;
        var waiting = new Waiting(_ownerTask);
        _waiters.Add(waiting);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Wait, OperationOutcome.Blocked, -1, callerFile, callerLine);
        (_ownerThread, _ownerTask, _depth) = (0, TaskIdentity.None, 0);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Release, OperationOutcome.Completed, 0, callerFile, callerLine);
        Operation.PauseUntil(() => waiting.Pulsed && IsFree);
        Take(depth);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Acquire, OperationOutcome.Resumed, 0, callerFile, callerLine);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Wait, OperationOutcome.Resumed, -1, callerFile, callerLine);
        return true;
    }

    /// <summary>Moves the first waiter, or every waiter, to the lock's ready queue (FIFO, as .NET's monitor).</summary>
    internal void Pulse(bool all, string callerFile, int callerLine)
    {
        ThrowUnlessHeld();
        var woken = all ? _waiters.Count : Math.Min(1, _waiters.Count);
        var first = woken > 0 ? _waiters[0].Task : TaskIdentity.None;
        for (var i = 0; i < woken; i++)
        {
            _waiters[i].Pulsed = true;
        }

        _waiters.RemoveRange(0, woken);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Notify, OperationOutcome.Completed, woken, callerFile, callerLine, woken == 1 ? first : TaskIdentity.None);
    }

    private void Take(int depth) => (_ownerThread, _ownerTask, _depth) = (Environment.CurrentManagedThreadId, ControlledTask.CurrentIdentity, depth);

    private void ThrowUnlessHeld()
    {
        if (!IsHeldByCurrentTask)
        {
            throw new SynchronizationLockException("Object synchronization method was called from an unsynchronized block of code.");
        }
    }

    private sealed class Waiting(TaskIdentity task)
    {
        internal TaskIdentity Task { get; } = task;

        internal bool Pulsed { get; set; }
    }
}
