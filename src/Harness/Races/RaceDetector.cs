using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Races;

/// <summary>
/// Finds data races on <c>Shared&lt;T&gt;</c> cells in one schedule, from the primitives' events in schedule
/// order: vector clocks per task (FastTrack-style epochs per access) and happens-before edges from every
/// primitive, as java.util.concurrent defines them: a release, set, notify, put, task-done, shutdown or
/// barrier arrival happens before every later acquire, wait, get, join or barrier departure on the same
/// primitive; starting a task happens before its first step, and a task's end before its starter's next step.
/// </summary>
/// <remarks>
/// One clock per primitive makes the edges a little wider than strictly needed (a get is ordered after
/// every earlier put, not only its item's): that can hide a race in one schedule, never invent one.
/// </remarks>
internal sealed class RaceDetector
{
    private readonly Dictionary<int, VectorClock> _tasks = [];
    private readonly Dictionary<(string Kind, string Name), VectorClock> _primitives = [];
    private readonly Dictionary<int, int> _starters = [];
    private readonly Dictionary<int, List<VectorClock>> _endedChildren = [];
    private readonly Dictionary<int, PrimitiveEvent> _lastSynchronization = [];
    private readonly Dictionary<string, CellHistory> _cells = [];

    /// <summary>Takes the next event of the schedule; returns the race it completes, in words, or null.</summary>
    internal string? Observe(in PrimitiveEvent e)
    {
        var task = e.Task.Id;
        var clock = ClockOf(task);
        JoinEndedChildren(task, clock);
        string? race = null;
        switch (e.Operation)
        {
            case PrimitiveOperation.Spawn:
                var child = ClockOf(e.Counterpart.Id);
                child.Join(clock);
                _starters[e.Counterpart.Id] = task;
                break;
            case PrimitiveOperation.Finish:
                var starter = _starters.GetValueOrDefault(task, TaskIdentity.Root.Id);
                (_endedChildren.TryGetValue(starter, out var ended) ? ended : _endedChildren[starter] = []).Add(clock.Copy());
                break;
            case PrimitiveOperation.Read or PrimitiveOperation.Write:
                race = CheckAccess(e, clock);
                break;
            default:
                Synchronize(e, clock);
                break;
        }

        clock.Tick(task);
        return race;
    }

    private void Synchronize(in PrimitiveEvent e, VectorClock clock)
    {
        var (releases, acquires) = Roles(e);
        if (!releases && !acquires)
        {
            return;
        }

        var key = (e.PrimitiveKind, e.PrimitiveName);
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

        _lastSynchronization[e.Task.Id] = e;
    }

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
            PrimitiveOperation.Get => (false, done || e.Outcome == OperationOutcome.Failed),

            // A barrier wait is an arrival (blocked, or the last one passing) and a departure (passing or released).
            PrimitiveOperation.Wait when e.PrimitiveKind == "AsyncBarrier" =>
                (e.Outcome is OperationOutcome.Blocked or OperationOutcome.Completed, done),
            PrimitiveOperation.Wait => (false, done),
            _ => (false, false),
        };
    }

    private string? CheckAccess(in PrimitiveEvent e, VectorClock clock)
    {
        if (!_cells.TryGetValue(e.PrimitiveName, out var cell))
        {
            _cells[e.PrimitiveName] = cell = new CellHistory();
        }

        var access = new Access(e, clock[e.Task.Id]);
        var unordered = cell.LastWrite is { } write && Unordered(write, access, clock)
            ? write
            : e.Operation == PrimitiveOperation.Write ? cell.Reads.Values.FirstOrDefault(read => Unordered(read, access, clock)) : null;
        if (e.Operation == PrimitiveOperation.Write)
        {
            cell.LastWrite = access;
            cell.Reads.Clear();
        }
        else
        {
            cell.Reads[e.Task.Id] = access;
        }

        return unordered is null ? null : Describe(unordered, access);
    }

    private static bool Unordered(Access earlier, Access later, VectorClock laterClock) =>
        earlier.Event.Task.Id != later.Event.Task.Id && earlier.Epoch > laterClock[earlier.Event.Task.Id];

    private string Describe(Access earlier, Access later)
    {
        var first = earlier.Event;
        var second = later.Event;
        return $"Data race on {StepDescriber.Primitive(second)}: {second.Task.Name} {Verb(second)} it{At(second)} while "
            + $"{first.Task.Name}'s {Noun(first)}{At(first)} is not ordered before it by any lock, event, queue, barrier or task join. "
            + $"Last synchronization: {LastSynchronization(first.Task)}; {LastSynchronization(second.Task)}.";
    }

    private string LastSynchronization(TaskIdentity task) =>
        _lastSynchronization.TryGetValue(task.Id, out var sync)
            ? $"{task.Name} {StepDescriber.Action(sync)}{At(sync)}"
            : $"{task.Name} none since it started";

    private static string Verb(in PrimitiveEvent e) => e.Operation == PrimitiveOperation.Write ? "writes" : "reads";

    private static string Noun(in PrimitiveEvent e) => e.Operation == PrimitiveOperation.Write ? "write" : "read";

    private static string At(in PrimitiveEvent e) =>
        StepDescriber.Source(e) is { Length: > 0 } source ? $" (at {source})" : string.Empty;

    private VectorClock ClockOf(int task)
    {
        if (!_tasks.TryGetValue(task, out var clock))
        {
            _tasks[task] = clock = new VectorClock();
            clock.Tick(task);
        }

        return clock;
    }

    private void JoinEndedChildren(int task, VectorClock clock)
    {
        if (_endedChildren.Remove(task, out var ended))
        {
            foreach (var child in ended)
            {
                clock.Join(child);
            }
        }
    }

    // One access: the event and the epoch (the task's own clock entry) it happened at.
    private sealed record Access(PrimitiveEvent Event, int Epoch);

    // The last write of a cell and the reads since, one per task (the latest).
    private sealed class CellHistory
    {
        internal Access? LastWrite { get; set; }

        internal Dictionary<int, Access> Reads { get; } = [];
    }
}
