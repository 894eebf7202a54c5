using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>
/// Who holds what and who waits for what at the end of a schedule, rebuilt from its primitive events:
/// the explanation of a deadlock in words.
/// </summary>
internal sealed class WaitForGraph
{
    private readonly Dictionary<string, List<Holding>> _holders = [];
    private readonly Dictionary<TaskIdentity, PrimitiveEvent> _waits = [];

    private WaitForGraph()
    {
    }

    internal static WaitForGraph Build(IEnumerable<PrimitiveEvent> events)
    {
        var graph = new WaitForGraph();
        foreach (var e in events)
        {
            graph.Apply(e);
        }

        return graph;
    }

    /// <summary>Every task still waiting, in order of task id, with what it holds and who holds what it waits for.</summary>
    internal IReadOnlyList<WaitingTask> WaitingTasks() =>
        [.. _waits.OrderBy(w => w.Key.Id).Select(w => new WaitingTask(
            w.Key,
            w.Value,
            [.. _holders.SelectMany(h => h.Value.Where(x => x.Task == w.Key).Select(x => (Primitive: h.Key, x.Site)))],
            [.. HoldersOf(w.Value).Where(h => h != w.Key).Distinct()],
            WakeVerb(w.Value)))];

    /// <summary>True when some task is left waiting on a primitive.</summary>
    internal bool HasWaiters => _waits.Count > 0;

    /// <summary>Describes every task still waiting, then the cycle among them if there is one.</summary>
    internal IReadOnlyList<string> Explain()
    {
        var lines = new List<string>();
        foreach (var waiting in WaitingTasks())
        {
            var holds = waiting.Holds.Count == 0
                ? string.Empty
                : "holds " + string.Join(", ", waiting.Holds.Select(h => $"{h.Primitive}{At(h.Site)}")) + " and ";
            var heldBy = waiting.HeldBy.Count > 0
                ? $", held by {string.Join(" and ", waiting.HeldBy.Select(h => h.Name))}"
                : $"; no running task is left to {waiting.WakeVerb} it";
            lines.Add($"{waiting.Task.Name} {holds}waits for {StepDescriber.Primitive(waiting.Wait)}{At(StepDescriber.Source(waiting.Wait))}{heldBy}.");
        }

        if (Cycle() is { } cycle)
        {
            lines.Add($"Cycle: {string.Join(" -> ", cycle.Select(t => t.Name))}: each waits for the next, so none can go on.");
        }

        return lines;
    }

    private static string At(string site) => site.Length > 0 ? $" (at {site})" : string.Empty;

    private static string WakeVerb(in PrimitiveEvent wait) => wait.Operation switch
    {
        PrimitiveOperation.Acquire => "release",
        PrimitiveOperation.Get => "put an item into",
        PrimitiveOperation.Put => "make room in",
        PrimitiveOperation.Join => "finish the items of",
        PrimitiveOperation.Delay => "fire the timer of",
        _ when wait.PrimitiveKind == "AsyncEvent" => "set",
        _ when wait.PrimitiveKind == "AsyncCondition" => "notify",
        _ when wait.PrimitiveKind == "AsyncBarrier" => "arrive at",
        _ => "wake",
    };

    private IEnumerable<TaskIdentity> HoldersOf(in PrimitiveEvent wait) =>
        wait.Operation == PrimitiveOperation.Acquire && _holders.TryGetValue(StepDescriber.Primitive(wait), out var holding)
            ? holding.Select(h => h.Task)
            : [];

    /// <summary>
    /// The first cycle of waiting tasks, each waiting for what the next holds, from the task with the lowest
    /// id back to it ("task1, task2, task1"); null when there is none.
    /// </summary>
    internal List<TaskIdentity>? Cycle()
    {
        foreach (var start in _waits.Keys.OrderBy(t => t.Id))
        {
            var path = new List<TaskIdentity> { start };
            var current = start;
            while (_waits.TryGetValue(current, out var wait) && HoldersOf(wait).FirstOrDefault(h => h != current) is { Id: >= 0 } next)
            {
                if (next == start)
                {
                    path.Add(start);
                    return path;
                }

                if (path.Contains(next))
                {
                    break;
                }

                path.Add(next);
                current = next;
            }
        }

        return null;
    }

    private void Apply(PrimitiveEvent e)
    {
        var primitive = StepDescriber.Primitive(e);
        switch (e.Outcome)
        {
            case OperationOutcome.Blocked:
                _waits[e.Task] = e;
                break;
            case OperationOutcome.Resumed or OperationOutcome.Cancelled or OperationOutcome.Failed:
                _waits.Remove(e.Task);
                break;
        }

        if (e.Operation == PrimitiveOperation.Acquire && e.Outcome == OperationOutcome.Completed)
        {
            Holdings(primitive).Add(new Holding(e.Task, StepDescriber.Source(e)));
        }
        else if (e.Operation == PrimitiveOperation.Acquire && e.Outcome == OperationOutcome.Resumed)
        {
            // Handed over at the release; now the waiter's own acquire site is known.
            var holdings = Holdings(primitive);
            var index = holdings.FindIndex(h => h.Task == e.Task);
            if (index >= 0)
            {
                holdings[index] = new Holding(e.Task, StepDescriber.Source(e));
            }
        }
        else if (e.Operation == PrimitiveOperation.Release && e.Outcome == OperationOutcome.Completed
            || e.Operation == PrimitiveOperation.Acquire && e.Outcome == OperationOutcome.Cancelled && e.Counterpart.Id >= 0)
        {
            var holdings = Holdings(primitive);
            var index = holdings.FindIndex(h => h.Task == e.Task);
            if (index < 0 && holdings.Count > 0 && e.Operation == PrimitiveOperation.Release)
            {
                index = 0; // a lock may be released by a task other than the one that took it
            }

            if (index >= 0)
            {
                holdings.RemoveAt(index);
            }

            if (e.Counterpart.Id >= 0)
            {
                holdings.Add(new Holding(e.Counterpart, string.Empty));
            }
        }
    }

    private List<Holding> Holdings(string primitive)
    {
        if (!_holders.TryGetValue(primitive, out var holdings))
        {
            holdings = [];
            _holders[primitive] = holdings;
        }

        return holdings;
    }

    private readonly record struct Holding(TaskIdentity Task, string Site);
}
