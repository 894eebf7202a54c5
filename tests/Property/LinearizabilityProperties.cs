using System.Collections.Immutable;
using Interleave.Harness;
using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Xunit;

namespace Interleave.Tests.Property;

/// <summary>
/// Linearizability: FsCheck generates small concurrent programs over a queue, a semaphore and an event; the
/// harness explores their schedules; every recorded history of calls and returns must be linearizable against
/// the sequential model (<see cref="LinearizabilityChecker{TState}"/>). The checker is shown to say no on
/// histories that are not, and a queue that is not linearizable is caught by the same machinery.
/// </summary>
public class LinearizabilityProperties
{
    private const int Empty = -1;

    private static readonly LinearizabilityChecker<Items> QueueModel = new(Items.None, (items, op) => op.Name switch
    {
        "put" => (items.Add(op.Argument), null),
        "try-get" => items.IsEmpty ? (items, Empty) : (items.RemoveFirst(), items.First),
        _ => items.IsEmpty ? null : (items.RemoveFirst(), items.First), // get waits on an empty queue
    });

    private static readonly LinearizabilityChecker<int> SemaphoreModel = new(1, (permits, op) => op.Name switch
    {
        "acquire" => permits > 0 ? (permits - 1, null) : null,
        _ => (permits + 1, null),
    });

    private static readonly LinearizabilityChecker<bool> EventModel = new(false, (isSet, op) => op.Name switch
    {
        "set" => (true, null),
        "is-set" => (isSet, isSet),
        _ => isSet ? (isSet, null) : null, // wait returns only once the event is set
    });

    [Fact]
    public void Checker_OverlappingPutsAndGets_Linearizable()
    {
        var put1 = Operation("put", 1, 0, 3, null);
        var put2 = Operation("put", 2, 1, 2, null);
        var get = Operation("get", 0, 4, 5, 2); // put 2 may have taken effect first

        Assert.True(QueueModel.IsLinearizable([put1, put2, get]));
    }

    [Fact]
    public void Checker_GetOvertakesAnEarlierPut_NotLinearizable()
    {
        var put1 = Operation("put", 1, 0, 1, null);
        var put2 = Operation("put", 2, 2, 3, null);
        var get = Operation("get", 0, 4, 5, 2); // FIFO: 1 was put, and returned, before 2 was put

        Assert.False(QueueModel.IsLinearizable([put1, put2, get]));
    }

    [Fact]
    public void Checker_TwoAcquirersOfOnePermit_NotLinearizable()
    {
        var first = Operation("acquire", 0, 0, 2, null);
        var second = Operation("acquire", 0, 1, 3, null);

        Assert.False(SemaphoreModel.IsLinearizable([first, second]));
        Assert.True(SemaphoreModel.IsLinearizable([first, Operation("release", 0, 4, 5, null), Operation("acquire", 0, 6, 7, null)]));
    }

    [Fact]
    public void Checker_WaitReturnsBeforeAnySet_NotLinearizable()
    {
        var wait = Operation("wait", 0, 0, 1, null);
        var set = Operation("set", 0, 2, 3, null);

        Assert.False(EventModel.IsLinearizable([wait, set]));
        Assert.True(EventModel.IsLinearizable([Operation("wait", 0, 0, 3, null), Operation("set", 0, 1, 2, null)]));
    }

    [ScaledProperty(25)]
    public void AsyncQueue_GeneratedPrograms_EveryHistoryLinearizable(byte taskCount, int[] operations)
    {
        var program = QueueProgram(2 + (taskCount % 2), operations ?? []);
        Explore(() => RunQueueAsync(program, new AsyncQueue<int>()), program);
    }

    [ScaledProperty(25)]
    public void AsyncSemaphore_GeneratedPrograms_EveryHistoryLinearizable(byte taskCount, byte[] rounds)
    {
        var program = Enumerable.Range(0, 2 + (taskCount % 3)).Select(i => 1 + ((rounds ?? []).ElementAtOrDefault(i) % 3)).ToList();
        Explore(() => RunSemaphoreAsync(program), program.Select(n => $"{n}x acquire+release"));
    }

    [ScaledProperty(25)]
    public void AsyncEvent_GeneratedPrograms_EveryHistoryLinearizable(byte waiters, byte checkers)
    {
        var program = (Waiters: 1 + (waiters % 3), Checkers: checkers % 3);
        Explore(() => RunEventAsync(program.Waiters, program.Checkers), [program.ToString()]);
    }

    // The other side: a queue whose get reads the head, yields, then removes it lets two gets return one item.
    [Fact]
    public void RacyQueue_TwoConcurrentGets_CaughtAsNotLinearizable()
    {
        var report = Explorer.Run(RunRacyQueueAsync, new ExplorationOptions { Iterations = 100, Seed = 1, Races = RaceChecking.Off });

        Assert.Equal(Verdict.AssertionFailure, report.Verdict);
        Assert.StartsWith("Not linearizable", report.Message, StringComparison.Ordinal);
    }

    private static void Explore<T>(Func<Task> test, IEnumerable<T> program)
    {
        var report = Explorer.Run(test, new ExplorationOptions { Iterations = 10 * PropertyScale.Factor, Seed = 9, Races = RaceChecking.Off });
        Assert.True(report.Verdict == Verdict.NoBug, $"{string.Join(" | ", program)}\n{report}");
    }

    // Each task's operations: 0 put, 1 try-get, 2 get; gets never outnumber puts, so no get waits forever.
    private static List<List<int>> QueueProgram(int tasks, int[] operations)
    {
        var program = Enumerable.Range(0, tasks).Select(_ => new List<int>()).ToList();
        var puts = 0;
        var takes = 0;
        foreach (var number in operations.Take(3 * tasks))
        {
            var value = number & int.MaxValue;
            var kind = value / tasks % 3;
            if (kind == 0)
            {
                puts++;
            }
            else if (++takes > puts)
            {
                takes--;
                continue;
            }

            program[value % tasks].Add(kind);
        }

        return program;
    }

    private static async Task RunQueueAsync(List<List<int>> program, AsyncQueue<int> queue)
    {
        var history = new History();
        var next = 0;
        var tasks = program.Select((steps, i) => ControlledTask.Run(async () =>
        {
            foreach (var kind in steps)
            {
                _ = kind switch
                {
                    0 => await history.RecordAsync<object?>("put", ++next, async () => { await queue.PutAsync(next); return null; }),
                    1 => await history.RecordAsync<object?>("try-get", 0, () => Task.FromResult<object?>(queue.TryGet(out var item) ? item : Empty)),
                    _ => await history.RecordAsync<object?>("get", 0, async () => await queue.GetAsync()),
                };
            }
        }, $"T{i + 1}"));
        await Task.WhenAll(tasks);
        Specification.Assert(QueueModel.IsLinearizable(history.Operations), $"Not linearizable: {history}");
    }

    private static async Task RunSemaphoreAsync(List<int> rounds)
    {
        var semaphore = new AsyncSemaphore(1);
        var history = new History();
        var tasks = rounds.Select((count, i) => ControlledTask.Run(async () =>
        {
            for (var round = 0; round < count; round++)
            {
                await history.RecordAsync<object?>("acquire", 0, async () => { await semaphore.AcquireAsync(); return null; });
                await history.RecordAsync<object?>("release", 0, () => { semaphore.Release(); return Task.FromResult<object?>(null); });
            }
        }, $"T{i + 1}"));
        await Task.WhenAll(tasks);
        Specification.Assert(SemaphoreModel.IsLinearizable(history.Operations), $"Not linearizable: {history}");
    }

    private static async Task RunEventAsync(int waiters, int checkers)
    {
        var signal = new AsyncEvent();
        var history = new History();
        var tasks = Enumerable.Range(0, waiters).Select(i => ControlledTask.Run(
                () => history.RecordAsync<object?>("wait", 0, async () => { await signal.WaitAsync(); return null; }), $"W{i + 1}"))
            .Concat(Enumerable.Range(0, checkers).Select(i => ControlledTask.Run(
                () => history.RecordAsync<object?>("is-set", 0, () => Task.FromResult<object?>(signal.IsSet)), $"C{i + 1}")))
            .Append(ControlledTask.Run(
                () => history.RecordAsync<object?>("set", 0, () => { signal.Set(); return Task.FromResult<object?>(null); }), "Setter"))
            .ToList();
        await Task.WhenAll(tasks);
        Specification.Assert(EventModel.IsLinearizable(history.Operations), $"Not linearizable: {history}");
    }

    private static async Task RunRacyQueueAsync()
    {
        var items = new List<int> { 1, 2 };
        var history = new History();
        async Task<object?> RacyTryGetAsync()
        {
            var head = items[0];
            await ControlledTask.Yield();
            items.RemoveAt(0);
            return head;
        }

        var first = ControlledTask.Run(() => history.RecordAsync("try-get", 0, RacyTryGetAsync), "T1");
        var second = ControlledTask.Run(() => history.RecordAsync("try-get", 0, RacyTryGetAsync), "T2");
        await Task.WhenAll(first, second);
        var model = new LinearizabilityChecker<Items>(Items.None.Add(1).Add(2), (state, op) => state.IsEmpty ? (state, Empty) : (state.RemoveFirst(), state.First));
        Specification.Assert(model.IsLinearizable(history.Operations), $"Not linearizable: {history}");
    }

    private static HistoryOperation Operation(string name, int argument, long called, long returned, object? result)
    {
        var operation = new HistoryOperation(name, argument, called);
        operation.Return(returned, result);
        return operation;
    }

    // The queue model's state: the items, oldest first; its text is the memo key.
    private sealed record Items(ImmutableList<int> List)
    {
        internal static Items None { get; } = new(ImmutableList<int>.Empty);

        internal bool IsEmpty => List.IsEmpty;

        internal int First => List[0];

        internal Items Add(int item) => new(List.Add(item));

        internal Items RemoveFirst() => new(List.RemoveAt(0));

        public override string ToString() => string.Join(",", List);
    }
}
