using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Races;

/// <summary>
/// Vector clocks of one schedule's tasks, advanced event by event with the happens-before edges of the
/// primitives, as java.util.concurrent defines them: a release, set, notify, put, task-done, shutdown or
/// barrier arrival happens before every later acquire, wait, get, join or barrier departure on the same
/// primitive; starting a task happens before its first step, and a task's end before its starter's next step
/// and before whatever follows an await of it.
/// </summary>
/// <remarks>
/// One clock per primitive makes the edges a little wider than strictly needed (a get is ordered after
/// every earlier put, not only its item's): that can hide a race in one schedule, never invent one.
/// </remarks>
/// <param name="includeLocks">
/// Whether locks order tasks. Without them the clocks keep the orderings that do not depend on which task
/// the scheduler lets take a lock first. Semaphores always order: a semaphore of no permits is a signal.
/// </param>
internal sealed class HappensBefore(bool includeLocks = true)
{
    // Task ids to slots in the clocks (0, 1, 2, ... as tasks appear), and each task's clock by slot.
    private readonly Dictionary<int, int> _slots = [];
    private readonly List<VectorClock> _tasks = [];
    private static readonly (PrimitiveKind Kind, string Name) AtomicMemory = (PrimitiveKind.Interlocked, "memory");

    private readonly Dictionary<(PrimitiveKind Kind, string Name), VectorClock> _primitives = [];
    private readonly Dictionary<int, int> _starters = [];
    private readonly Dictionary<int, List<VectorClock>> _endedChildren = [];
    private readonly Dictionary<int, VectorClock> _ends = [];

    /// <summary>The clock of <paramref name="task"/>: what it knows of every task's steps.</summary>
    internal VectorClock ClockOf(int task) => _tasks[SlotOf(task)];

    /// <summary>
    /// The task's own entry in its clock: the epoch of its current step, which a later step of another task
    /// is ordered after when its clock holds at least that much for this task (<see cref="Ordered"/>).
    /// </summary>
    internal int EpochOf(int task)
    {
        var slot = SlotOf(task);
        return _tasks[slot][slot];
    }

    /// <summary>Whether <paramref name="task"/>'s step <paramref name="epoch"/> happened before <paramref name="later"/>.</summary>
    internal bool Ordered(int task, int epoch, VectorClock later) => epoch <= later[SlotOf(task)];

    /// <summary>
    /// Brings the task's clock up to date before <paramref name="e"/>: the ends of children it started.
    /// Call <see cref="After"/> once the event has been checked.
    /// </summary>
    /// <returns>The task's clock as the event happens.</returns>
    internal VectorClock Before(in PrimitiveEvent e)
    {
        var clock = ClockOf(e.Task.Id);
        if (_endedChildren.Count > 0 && _endedChildren.Remove(e.Task.Id, out var ended))
        {
            foreach (var child in ended)
            {
                clock.Join(child);
            }
        }

        return clock;
    }

    /// <summary>Applies the event's edges and counts it as the task's step.</summary>
    /// <returns>Whether the event is on either side of an edge (a synchronization).</returns>
    internal bool After(in PrimitiveEvent e)
    {
        var task = e.Task.Id;
        var slot = SlotOf(task);
        var clock = _tasks[slot];
        var synchronizes = false;
        switch (e.Operation)
        {
            case PrimitiveOperation.Spawn:
                ClockOf(e.Counterpart.Id).Join(clock);
                _starters[e.Counterpart.Id] = task;
                break;
            case PrimitiveOperation.Finish:
                var starter = _starters.GetValueOrDefault(task, TaskIdentity.Root.Id);
                var end = clock.Copy();
                (_endedChildren.TryGetValue(starter, out var ended) ? ended : _endedChildren[starter] = []).Add(end);
                _ends[task] = end;
                break;
            case PrimitiveOperation.Join when e.PrimitiveKind == PrimitiveKind.ControlledTask:
                synchronizes = _ends.TryGetValue(e.Counterpart.Id, out var joined);
                if (synchronizes)
                {
                    clock.Join(joined!);
                }

                break;
            case PrimitiveOperation.Read or PrimitiveOperation.Write when e.PrimitiveKind != PrimitiveKind.VolatileField:
                break;
            default:
                synchronizes = Synchronize(e, clock);
                break;
        }

        clock.Tick(slot);
        return synchronizes;
    }

    private bool Synchronize(in PrimitiveEvent e, VectorClock clock)
    {
        var (releases, acquires) = Roles(e);
        if (!releases && !acquires)
        {
            return false;
        }

        if (!includeLocks && e.PrimitiveKind.Family() == PrimitiveFamily.Lock)
        {
            return true;
        }

        var key = OrdersAllMemory(e) ? AtomicMemory : (e.PrimitiveKind, e.PrimitiveName);
        if (!_primitives.TryGetValue(key, out var primitive))
        {
            _primitives[key] = primitive = new VectorClock();
        }

        if (releases)
        {
            primitive.Join(clock);
        }

        if (acquires)
        {
            clock.Join(primitive);
        }

        return true;
    }

    private int SlotOf(int task)
    {
        if (!_slots.TryGetValue(task, out var slot))
        {
            slot = _tasks.Count;
            _slots.Add(task, slot);
            var clock = new VectorClock();
            clock.Tick(slot);
            _tasks.Add(clock);
        }

        return slot;
    }

    // Volatile and interlocked accesses are not told apart by location (a ref does not say which field it is):
    // one clock orders them all, which can hide a race but never invents one.
    private static bool OrdersAllMemory(in PrimitiveEvent e) =>
        e.PrimitiveKind is PrimitiveKind.VolatileField || e.PrimitiveKind.Family() == PrimitiveFamily.AtomicMemory;

    // Which side of a happens-before edge an operation is on: (release, acquire).
    private static (bool Releases, bool Acquires) Roles(in PrimitiveEvent e)
    {
        var done = e.Outcome is OperationOutcome.Completed or OperationOutcome.Resumed;
        return e.Operation switch
        {
            PrimitiveOperation.Release or PrimitiveOperation.Set or PrimitiveOperation.Notify
                or PrimitiveOperation.TaskDone or PrimitiveOperation.Shutdown => (e.Outcome == OperationOutcome.Completed, false),
            PrimitiveOperation.Put => (done, false),
            PrimitiveOperation.Acquire or PrimitiveOperation.Join => (false, done),

            // A concurrent collection orders its operations: each sees what the ones before it did.
            PrimitiveOperation.Get or PrimitiveOperation.Lookup when e.PrimitiveKind.Family() == PrimitiveFamily.ConcurrentCollection => (false, true),
            PrimitiveOperation.Update => (true, true),

            // A volatile write publishes what its task did before it; a volatile read sees what was published.
            PrimitiveOperation.Write when e.PrimitiveKind == PrimitiveKind.VolatileField => (true, false),
            PrimitiveOperation.Read when e.PrimitiveKind == PrimitiveKind.VolatileField => (false, true),
            PrimitiveOperation.Get => (false, done || e.Outcome == OperationOutcome.Failed),

            // A barrier wait is an arrival (blocked, or the last one passing) and a departure (passing or released).
            PrimitiveOperation.Wait when e.PrimitiveKind.Family() == PrimitiveFamily.Barrier =>
                (e.Outcome is OperationOutcome.Blocked or OperationOutcome.Completed, done),
            PrimitiveOperation.Wait => (false, done),
            _ => (false, false),
        };
    }
}
