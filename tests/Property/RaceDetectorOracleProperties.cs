using Interleave.Harness.Findings;
using Interleave.Harness.Races;
using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;
using Xunit;

namespace Interleave.Tests.Property;

/// <summary>
/// The data-race detector against a brute-force oracle: random schedules of 2-4 tasks over two shared cells,
/// a lock, an event, a queue and a barrier; on every one the detector's first race is the first access that
/// the oracle, by searching the happens-before graph edge by edge, finds unordered with an earlier
/// conflicting access. And the checks as the harness runs them, started at the first cell access, find
/// on every schedule what both detectors fed from its first event find.
/// </summary>
public class RaceDetectorOracleProperties
{
    private static readonly TaskIdentity Root = TaskIdentity.Root;

    // What a task can do: (kind, primitive, operation, outcome).
    private static readonly (PrimitiveKind Kind, string Name, PrimitiveOperation Operation, OperationOutcome Outcome)[] Operations =
    [
        (PrimitiveKind.Shared, "x", PrimitiveOperation.Read, OperationOutcome.Completed),
        (PrimitiveKind.Shared, "x", PrimitiveOperation.Write, OperationOutcome.Completed),
        (PrimitiveKind.Shared, "y", PrimitiveOperation.Read, OperationOutcome.Completed),
        (PrimitiveKind.Shared, "y", PrimitiveOperation.Write, OperationOutcome.Completed),
        (PrimitiveKind.AsyncLock, "lock", PrimitiveOperation.Acquire, OperationOutcome.Completed),
        (PrimitiveKind.AsyncLock, "lock", PrimitiveOperation.Release, OperationOutcome.Completed),
        (PrimitiveKind.AsyncEvent, "ready", PrimitiveOperation.Set, OperationOutcome.Completed),
        (PrimitiveKind.AsyncEvent, "ready", PrimitiveOperation.Wait, OperationOutcome.Resumed),
        (PrimitiveKind.AsyncQueue, "jobs", PrimitiveOperation.Put, OperationOutcome.Completed),
        (PrimitiveKind.AsyncQueue, "jobs", PrimitiveOperation.Get, OperationOutcome.Completed),
        (PrimitiveKind.AsyncBarrier, "meet", PrimitiveOperation.Wait, OperationOutcome.Blocked),
        (PrimitiveKind.AsyncBarrier, "meet", PrimitiveOperation.Wait, OperationOutcome.Resumed),
        (PrimitiveKind.AsyncBarrier, "meet", PrimitiveOperation.Wait, OperationOutcome.Completed),
        (PrimitiveKind.ControlledTask, "task", PrimitiveOperation.Yield, OperationOutcome.Completed),
    ];

    [ScaledProperty(2000)]
    public void FirstRace_IsTheOraclesFirstRace(byte taskCount, int[] program, int[] schedule)
    {
        var events = Schedule(2 + (taskCount % 3), program ?? [], schedule ?? []);

        var detector = new RaceDetector();
        var found = -1;
        for (var i = 0; i < events.Count && found < 0; i++)
        {
            if (detector.Observe(events[i]) is not null)
            {
                found = i;
            }
        }

        Assert.Equal(HappensBeforeOracle.FirstRace(events), found);
    }

    [ScaledProperty(1000)]
    public void ChecksStartedAtTheFirstAccess_FindWhatDetectorsFedFromTheStartFind(byte taskCount, int[] program, int[] schedule)
    {
        var events = Schedule(2 + (taskCount % 3), program ?? [], schedule ?? []);

        var races = new RaceDetector();
        var atomicity = new AtomicityDetector();
        var recorder = new ScheduleRecorder();
        var checks = new SharedStateChecks(recorder);
        foreach (var e in events)
        {
            Finding? race = races.Observe(e);
            var violation = atomicity.Observe(e);
            recorder.Add(e);
            var found = checks.Observe(e);

            Assert.Equal((race ?? violation)?.Message, found?.Message);
            Assert.Equal((race ?? violation)?.Steps ?? [], found?.Steps ?? []);
        }
    }

    // Main starts the tasks, the tasks run their operations interleaved as the schedule picks, each ends, and
    // main reads both cells (after the ends: ordered by the joins).
    private static List<PrimitiveEvent> Schedule(int tasks, int[] program, int[] schedule)
    {
        var work = Enumerable.Range(1, tasks).Select(_ => new Queue<int>()).ToList();
        foreach (var step in program)
        {
            var value = step & int.MaxValue;
            work[value % tasks].Enqueue(value / tasks % Operations.Length);
        }

        var events = new List<PrimitiveEvent>();
        for (var task = 1; task <= tasks; task++)
        {
            events.Add(Event(Root, (PrimitiveKind.ControlledTask, "task", PrimitiveOperation.Spawn, OperationOutcome.Completed), Task(task)));
        }

        var pick = 0;
        while (work.Any(w => w.Count > 0))
        {
            var live = Enumerable.Range(0, tasks).Where(t => work[t].Count > 0).ToList();
            var chosen = live[(pick < schedule.Length ? schedule[pick] & int.MaxValue : pick) % live.Count];
            pick++;
            events.Add(Event(Task(chosen + 1), Operations[work[chosen].Dequeue()], TaskIdentity.None));
            if (work[chosen].Count == 0)
            {
                events.Add(Event(Task(chosen + 1), (PrimitiveKind.ControlledTask, "task", PrimitiveOperation.Finish, OperationOutcome.Completed), TaskIdentity.None));
            }
        }

        events.Add(Event(Root, Operations[0], TaskIdentity.None));
        events.Add(Event(Root, Operations[2], TaskIdentity.None));
        return events;
    }

    private static TaskIdentity Task(int id) => new(id, $"T{id}");

    private static PrimitiveEvent Event(TaskIdentity task, (PrimitiveKind Kind, string Name, PrimitiveOperation Operation, OperationOutcome Outcome) what, TaskIdentity counterpart) =>
        new(what.Kind, what.Name, what.Operation, what.Outcome, task, -1, counterpart, "Program.cs", 1);
}
