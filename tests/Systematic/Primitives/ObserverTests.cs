using System.Collections.Concurrent;
using Interleave.Harness;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Tests.Systematic.Primitives;

/// <summary>
/// The observer seam reports each operation with its task, primitive, outcome, counterpart and caller
/// line: what the harness will build traces and wait-for graphs on.
/// </summary>
[Collection(ObserverCollection.Name)]
public class ObserverTests
{
    [Fact]
    public void Observer_ContendedLock_ReportsBlockWithHolderThenHandOffAndResume()
    {
        var lockName = $"account-{Guid.NewGuid():N}";
        var events = Observe(lockName, () => AssertNoBug(Explorer.Run(async () =>
        {
            var gate = new AsyncLock(lockName);
            var held = await gate.AcquireAsync();
            var bob = ControlledTask.Run(async () =>
            {
                using (await gate.AcquireAsync())
                {
                }
            }, "Bob");
            await Everywhere.UntilAsync(() => gate.WaiterCount == 1);
            held.Dispose();
            await bob;
        }, new ExplorationOptions { Iterations = 1 })));

        var lines = events.Select(e => $"{e.Task.Name} {e.Operation} {e.Outcome} {e.Counterpart.Name}").ToList();
        Assert.Equal(
            [
                "main Acquire Completed ",
                "Bob Acquire Blocked main",
                "main Release Completed Bob",
                "Bob Acquire Resumed ",
                "Bob Release Completed ",
            ],
            lines);
        Assert.All(events, e => Assert.Equal(PrimitiveKind.AsyncLock, e.PrimitiveKind));
        // Acquires carry the test's own file and line; a release by disposing the Releaser has none.
        Assert.All(new[] { events[0], events[1], events[3] }, e => Assert.EndsWith("ObserverTests.cs", e.CallerFile, StringComparison.Ordinal));
        Assert.All(new[] { events[0], events[1], events[3] }, e => Assert.True(e.CallerLine > 0));
        Assert.All(new[] { events[2], events[4] }, e => Assert.Equal((string.Empty, 0), (e.CallerFile, e.CallerLine)));
    }

    [Fact]
    public void Observer_QueuePutAndGet_ReportsCallerLineOfEachCall()
    {
        var queueName = $"jobs-{Guid.NewGuid():N}";
        var lines = new int[2];
        var events = Observe(queueName, () =>
        {
            var queue = new AsyncQueue<int>(name: queueName);
            lines[0] = CurrentLine() + 1;
            queue.TryPut(1);
            lines[1] = CurrentLine() + 1;
            queue.TryGet(out _);
        });

        Assert.Equal([PrimitiveOperation.Put, PrimitiveOperation.Get], events.Select(e => e.Operation));
        Assert.Equal(lines, events.Select(e => e.CallerLine));
        Assert.Equal([1L, 0L], events.Select(e => e.Value)); // queue length after each operation
    }

    [Fact]
    public async Task Observer_NotInstalled_PrimitivesReportNothingAndStillWork()
    {
        Assert.Null(PrimitiveObservers.Current);
        var gate = new AsyncLock();
        using (await gate.AcquireAsync())
        {
            Assert.True(gate.IsLocked);
        }

        Assert.False(gate.IsLocked);
    }

    private static void AssertNoBug(ExplorationReport report) => Assert.False(report.BugFound, report.ToString());

    private static int CurrentLine([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;

    private static List<PrimitiveEvent> Observe(string primitiveName, Action run)
    {
        var recorder = new Recorder();
        PrimitiveObservers.Current = recorder;
        try
        {
            run();
        }
        finally
        {
            PrimitiveObservers.Current = null;
        }

        return recorder.Events.Where(e => e.PrimitiveName == primitiveName).ToList();
    }

    private sealed class Recorder : IPrimitiveObserver
    {
        private readonly ConcurrentQueue<PrimitiveEvent> _events = new();

        public IEnumerable<PrimitiveEvent> Events => _events;

        public void OnEvent(in PrimitiveEvent operationEvent) => _events.Enqueue(operationEvent);
    }
}

/// <summary>Tests that install the process-wide observer run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ObserverCollection
{
    public const string Name = "Process-wide observer";
}
