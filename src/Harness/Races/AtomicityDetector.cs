using Interleave.Harness.Findings;
using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Races;

/// <summary>
/// Finds check-then-act sequences on a <c>Shared&lt;T&gt;</c> cell that another task's write can split: a
/// task reads the cell (the check: its last read before the write), awaits with no lock held from that read
/// to the act, then writes the cell (the act), and another task writes the cell at a point that nothing but
/// lock order places outside that window. The seed's bank withdrawal is the model: each access may be under
/// the lock, yet the balance checked is not the balance withdrawn from. Reported in any schedule that runs
/// both writes, including those where the other write landed outside the window and the result came out right.
/// </summary>
/// <remarks>
/// Which task takes a lock first is the scheduler's choice, so the orderings that count here are those of
/// events, conditions, semaphores, queues, barriers and task starts and ends (<see cref="HappensBefore"/>
/// without locks). A semaphore held from the read to the write protects it as a lock does. Reading the cell again under the lock that the write is done under is the correct form
/// (<c>while (!ready) await condition.WaitAsync()</c>, or re-checking after re-acquiring): the last read is then
/// protected up to the act. Writes that happen with no read since the task's last write are not checks.
/// </remarks>
internal sealed class AtomicityDetector
{
    private readonly HappensBefore _order = new(includeLocks: false);
    private readonly Dictionary<int, TaskState> _tasks = [];
    private readonly Dictionary<string, Dictionary<int, CellAccess>> _latestWrites = [];
    private readonly Dictionary<string, List<Window>> _windows = [];
    private long _acquisitions;
    private int _step;

    /// <summary>Takes the next event of the schedule; returns the violation it completes, or null.</summary>
    internal AtomicityViolationFinding? Observe(in PrimitiveEvent e)
    {
        var clock = _order.Before(e);
        var task = StateOf(e.Task.Id);
        AtomicityViolationFinding? violation = null;
        switch (e.Operation)
        {
            case PrimitiveOperation.Read:
                task.Checks[e.PrimitiveName] = new Check(new CellAccess(e, _order.EpochOf(e.Task.Id), _step), clock.Copy(), [.. task.HeldLocks.Values]);
                break;
            case PrimitiveOperation.Write:
                violation = CheckWrite(e, clock, task);
                break;
            default:
                TrackLocksAndAwaits(e, task);
                break;
        }

        _order.After(e);
        _step++;
        return violation;
    }

    private AtomicityViolationFinding? CheckWrite(PrimitiveEvent e, VectorClock clock, TaskState task)
    {
        var cell = e.PrimitiveName;
        var act = new CellAccess(e, _order.EpochOf(e.Task.Id), _step);

        AtomicityViolationFinding? violation = null;
        if (task.Checks.Remove(cell, out var check) && check.Await is { } await
            && !check.LocksHeld.Any(held => task.HeldLocks.ContainsValue(held)))
        {
            var window = new Window(check, await, act);

            // Earlier writes by other tasks that are not ordered before the check: one may have been inside.
            violation = Writes(cell).Where(w => w.Key != e.Task.Id && !_order.Ordered(w.Key, w.Value.Epoch, check.Clock))
                .Select(w => Describe(window, w.Value)).FirstOrDefault();
            (_windows.TryGetValue(cell, out var open) ? open : _windows[cell] = []).Add(window);
        }

        // Windows other tasks closed earlier that this write is not ordered after.
        if (violation is null && _windows.TryGetValue(cell, out var windows))
        {
            violation = windows.Where(w => w.Act.Event.Task.Id != e.Task.Id && !_order.Ordered(w.Act.Event.Task.Id, w.Act.Epoch, clock))
                .Select(w => Describe(w, act)).FirstOrDefault();
        }

        Writes(cell)[e.Task.Id] = act;
        return violation;
    }

    private void TrackLocksAndAwaits(in PrimitiveEvent e, TaskState task)
    {
        var done = e.Outcome is OperationOutcome.Completed or OperationOutcome.Resumed;
        var primitive = (e.PrimitiveKind, e.PrimitiveName);
        if (e.PrimitiveKind.Family() is PrimitiveFamily.Lock or PrimitiveFamily.Semaphore)
        {
            if (e.Operation == PrimitiveOperation.Acquire && done)
            {
                task.HeldLocks[primitive] = ++_acquisitions;
            }
            else if (e.Operation == PrimitiveOperation.Release && e.Outcome == OperationOutcome.Completed)
            {
                task.HeldLocks.Remove(primitive);
            }
        }

        if (e.Operation is PrimitiveOperation.Acquire or PrimitiveOperation.Wait or PrimitiveOperation.Get
                 or PrimitiveOperation.Put or PrimitiveOperation.Join or PrimitiveOperation.Delay or PrimitiveOperation.Yield)
        {
            foreach (var check in task.Checks.Values)
            {
                check.Await ??= FindingStep.At(_step, e);
            }
        }
    }

    private static AtomicityViolationFinding Describe(Window window, CellAccess other)
    {
        var otherWrite = other.Event;
        var check = window.Check.Read.Event;
        var act = window.Act.Event;
        var await = window.Await.Event;
        var name = check.Task.Name;
        var cell = StepDescriber.Primitive(act);
        var message = $"Atomicity violation on {cell}: {name} reads it{StepDescriber.At(check)}, awaits "
            + $"({StepDescriber.Action(await)}{StepDescriber.At(await)}) with no lock held from that read on, then writes it{StepDescriber.At(act)}; "
            + $"{otherWrite.Task.Name}'s write{StepDescriber.At(otherWrite)} is not ordered before the check or after the write by any "
            + $"event, condition, semaphore, queue, barrier or task join, so some schedule puts it between them and {name} acts on a stale check.";
        return new AtomicityViolationFinding(cell, window.Check.Read.Finding, window.Await, window.Act.Finding, other.Finding, message);
    }

    private Dictionary<int, CellAccess> Writes(string cell) =>
        _latestWrites.TryGetValue(cell, out var writes) ? writes : _latestWrites[cell] = [];

    private TaskState StateOf(int task) =>
        _tasks.TryGetValue(task, out var state) ? state : _tasks[task] = new TaskState();

    // A task's last read of a cell: the clock then, the locks it held (by acquisition), and the first await
    // after it.
    private sealed record Check(CellAccess Read, VectorClock Clock, long[] LocksHeld)
    {
        internal FindingStep? Await { get; set; }
    }

    // A check-then-act with an await and no lock held across it.
    private sealed record Window(Check Check, FindingStep Await, CellAccess Act);

    private sealed class TaskState
    {
        // Locks and semaphores the task holds, each with the number of its acquisition.
        internal Dictionary<(PrimitiveKind Kind, string Name), long> HeldLocks { get; } = [];

        internal Dictionary<string, Check> Checks { get; } = [];
    }
}
