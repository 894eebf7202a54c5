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

    /// <summary>True when some task is left waiting on a primitive.</summary>
    internal bool HasWaiters => _waits.Count > 0;

    /// <summary>Describes every task still waiting, then the cycle among them if there is one.</summary>
    internal IReadOnlyList<string> Explain()
    {
        var lines = new List<string>();
        foreach (var (task, wait) in _waits.OrderBy(w => w.Key.Id))
        {
            var held = _holders.SelectMany(h => h.Value.Where(x => x.Task == task).Select(x => (Primitive: h.Key, x.Site))).ToList();
            var holds = held.Count == 0
                ? string.Empty
                : "holds " + string.Join(", ", held.Select(h => $"{h.Primitive}{At(h.Site)}")) + " and ";
            var blockers = HoldersOf(wait).Where(h => h != task).Distinct().Select(h => h.Name).ToList();
            var heldBy = blockers.Count > 0
                ? $", held by {string.Join(" and ", blockers)}"
                : $"; no running task is left to {WakeVerb(wait)} it";
            lines.Add($"{task.Name} {holds}waits for {StepDescriber.Primitive(wait)}{At(StepDescriber.Source(wait))}{heldBy}.");
        }

        if (FindCycle() is { } cycle)
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

    private List<TaskIdentity>? FindCycle()
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
