using BenchmarkDotNet.Attributes;
using Interleave.Harness.Races;
using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Benchmarks;

/// <summary>
/// What the race and atomicity checks add to a schedule: the 29 events of a schedule shaped like
/// counter.locked's (main starts three workers; each takes a lock, reads a shared counter, yields, writes it
/// and releases the lock, two of them after waiting for it; main reads the counter once all have finished),
/// fed as the harness feeds each iteration's events: to a fresh recorder (the baseline, what runs with
/// <c>--races off</c>) or to a fresh recorder and the race and atomicity checks (which start at the first
/// cell access, the fifth event, and catch up on the four before it).
/// </summary>
[MemoryDiagnoser]
public class RaceCheckBenchmarks
{
    private const PrimitiveKind Lock = PrimitiveKind.AsyncLock;
    private const PrimitiveKind Cell = PrimitiveKind.Shared;
    private const PrimitiveKind Tasks = PrimitiveKind.ControlledTask;

    private readonly PrimitiveEvent[] _schedule = CounterSchedule();

    /// <summary>The events recorded, no checks.</summary>
    [Benchmark(Baseline = true)]
    public int Recorder()
    {
        var recorder = new ScheduleRecorder();
        foreach (ref readonly var e in _schedule.AsSpan())
        {
            recorder.Add(e);
        }

        return recorder.IsClosed ? 0 : 1;
    }

    /// <summary>The events recorded and checked for data races and atomicity violations.</summary>
    [Benchmark]
    public int RecorderAndChecks()
    {
        var recorder = new ScheduleRecorder();
        var checks = new SharedStateChecks(recorder);
        var findings = 0;
        foreach (ref readonly var e in _schedule.AsSpan())
        {
            recorder.Add(e);
            findings += checks.Observe(e) is null ? 0 : 1;
        }

        return findings == 0 ? 1 : throw new InvalidOperationException("The correct schedule has a finding: the benchmark's events are wrong.");
    }

    private static PrimitiveEvent[] CounterSchedule()
    {
        var main = TaskIdentity.Root;
        TaskIdentity[] workers = [new(1, "T1 Increment"), new(2, "T2 Increment"), new(3, "T3 Increment")];
        var events = new List<PrimitiveEvent>();
        void Add(TaskIdentity task, PrimitiveKind kind, string name, PrimitiveOperation operation, OperationOutcome outcome = OperationOutcome.Completed, TaskIdentity counterpart = default) =>
            events.Add(new PrimitiveEvent(kind, name, operation, outcome, task, -1, counterpart, "CounterScenarios.cs", 42));

        foreach (var worker in workers)
        {
            Add(main, Tasks, "task", PrimitiveOperation.Spawn, counterpart: worker);
        }

        // The first worker takes the lock at once; each later one waits for it and is handed it by the release.
        for (var k = 0; k < workers.Length; k++)
        {
            var worker = workers[k];
            if (k + 1 < workers.Length)
            {
                Add(workers[k + 1], Lock, "AsyncLock#1", PrimitiveOperation.Acquire, OperationOutcome.Blocked);
            }

            Add(worker, Lock, "AsyncLock#1", PrimitiveOperation.Acquire, k == 0 ? OperationOutcome.Completed : OperationOutcome.Resumed);
            Add(worker, Cell, "Shared#1", PrimitiveOperation.Read);
            Add(worker, Tasks, "task", PrimitiveOperation.Yield);
            Add(worker, Cell, "Shared#1", PrimitiveOperation.Write);
            Add(worker, Lock, "AsyncLock#1", PrimitiveOperation.Release);
            Add(worker, Tasks, "task", PrimitiveOperation.Finish);
        }

        Add(main, Cell, "Shared#1", PrimitiveOperation.Read);
        return [.. events];
    }
}
