using Interleave.Harness.Findings;
using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Races;

/// <summary>
/// Finds data races on <c>Shared&lt;T&gt;</c> cells and observed plain fields in one schedule, from the primitives' events in schedule
/// order: vector clocks per task (<see cref="HappensBefore"/>, FastTrack-style epochs per access); a race is
/// an access unordered with an earlier conflicting access of another task.
/// </summary>
internal sealed class RaceDetector
{
    private readonly HappensBefore _order = new();
    private readonly Dictionary<int, PrimitiveEvent> _lastSynchronization = [];
    private readonly Dictionary<string, CellHistory> _cells = [];
    private int _step;

    /// <summary>Takes the next event of the schedule; returns the race it completes, or null.</summary>
    internal DataRaceFinding? Observe(in PrimitiveEvent e)
    {
        var clock = _order.Before(e);
        var race = e.Operation is PrimitiveOperation.Read or PrimitiveOperation.Write && e.PrimitiveKind != PrimitiveKind.VolatileField
            ? CheckAccess(e, clock)
            : null;
        if (_order.After(e))
        {
            _lastSynchronization[e.Task.Id] = e;
        }

        _step++;
        return race;
    }

    private DataRaceFinding? CheckAccess(in PrimitiveEvent e, VectorClock clock)
    {
        if (!_cells.TryGetValue(e.PrimitiveName, out var cell))
        {
            _cells[e.PrimitiveName] = cell = new CellHistory();
        }

        var access = new CellAccess(e, _order.EpochOf(e.Task.Id), _step);
        var unordered = cell.LastWrite is { } write && Unordered(write, access, clock)
            ? write
            : e.Operation == PrimitiveOperation.Write ? FirstUnorderedRead(cell, access, clock) : null;
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

    private CellAccess? FirstUnorderedRead(CellHistory cell, CellAccess write, VectorClock clock)
    {
        foreach (var read in cell.Reads.Values)
        {
            if (Unordered(read, write, clock))
            {
                return read;
            }
        }

        return null;
    }

    private bool Unordered(CellAccess earlier, CellAccess later, VectorClock laterClock) =>
        earlier.Event.Task.Id != later.Event.Task.Id && !_order.Ordered(earlier.Event.Task.Id, earlier.Epoch, laterClock);

    private DataRaceFinding Describe(CellAccess earlier, CellAccess later)
    {
        var first = earlier.Event;
        var second = later.Event;
        PrimitiveEvent? firstSync = _lastSynchronization.TryGetValue(first.Task.Id, out var a) ? a : null;
        PrimitiveEvent? secondSync = _lastSynchronization.TryGetValue(second.Task.Id, out var b) ? b : null;
        var cell = StepDescriber.Primitive(second);
        var message = $"Data race on {cell}: {second.Task.Name} {Verb(second)} it{StepDescriber.At(second)} while "
            + $"{first.Task.Name}'s {Noun(first)}{StepDescriber.At(first)} is not ordered before it by any lock, event, queue, barrier or task join. "
            + $"Last synchronization: {LastSynchronization(first.Task, firstSync)}; {LastSynchronization(second.Task, secondSync)}.";
        return new DataRaceFinding(cell, earlier.Finding, later.Finding, firstSync, secondSync, message);
    }

    private static string LastSynchronization(TaskIdentity task, PrimitiveEvent? sync) =>
        sync is { } last
            ? $"{task.Name} {StepDescriber.Action(last)}{StepDescriber.At(last)}"
            : $"{task.Name} none since it started";

    private static string Verb(in PrimitiveEvent e) => e.Operation == PrimitiveOperation.Write ? "writes" : "reads";

    private static string Noun(in PrimitiveEvent e) => e.Operation == PrimitiveOperation.Write ? "write" : "read";

    // The last write of a cell and the reads since, one per task (the latest).
    private sealed class CellHistory
    {
        internal CellAccess? LastWrite { get; set; }

        internal Dictionary<int, CellAccess> Reads { get; } = [];
    }
}
