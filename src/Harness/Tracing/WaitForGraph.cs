using Interleave.Harness.Findings;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>
/// Who holds what and who waits for what at the end of a schedule, rebuilt from its primitive events: what a
/// <see cref="DeadlockFinding"/> says.
/// </summary>
internal sealed class WaitForGraph
{
    private readonly Dictionary<string, List<Holder>> _holders = [];
    private readonly Dictionary<TaskIdentity, FindingStep> _waits = [];
    private readonly Dictionary<TaskIdentity, TaskIdentity> _unfinishedParents = [];
    private readonly Dictionary<TaskIdentity, FindingStep> _lastSteps = [];

    private WaitForGraph()
    {
    }

    internal static WaitForGraph Build(IReadOnlyList<PrimitiveEvent> events)
    {
        var graph = new WaitForGraph();
        for (var index = 0; index < events.Count; index++)
        {
            graph.Apply(FindingStep.At(index, events[index]));
        }

        return graph;
    }

    /// <summary>Every task still waiting, in order of task id, with what it holds and who holds what it waits for.</summary>
    internal IReadOnlyList<WaitingTask> WaitingTasks() =>
        [.. _waits.OrderBy(w => w.Key.Id).Select(w => new WaitingTask(
            w.Key,
            w.Value,
            [.. _holders.SelectMany(h => h.Value.Where(x => x.Task == w.Key).Select(x => new Holding(h.Key, x.Site)))],
            [.. HoldersOf(w.Value.Event).Where(h => h != w.Key).Distinct()],
            WakeVerb(w.Value.Event)))];

    /// <summary>
    /// The tasks, the test's own included, that had not finished and waited neither on a primitive nor on a
    /// task they started: in a stalled schedule, those awaiting something the scheduler cannot see.
    /// </summary>
    internal IReadOnlyList<StrandedTask> StrandedTasks()
    {
        // A task's unfinished children may be what it awaits (a WhenAll of them, say): presumed so.
        var unfinished = _unfinishedParents.Keys.Append(TaskIdentity.Root);
        var parents = _unfinishedParents.Values.ToHashSet();
        return [.. unfinished
            .Where(task => !_waits.ContainsKey(task) && !parents.Contains(task))
            .OrderBy(task => task.Id)
            .Select(task => new StrandedTask(task, _lastSteps.GetValueOrDefault(task)))];
    }

    private static string WakeVerb(in PrimitiveEvent wait) => wait.Operation switch
    {
        PrimitiveOperation.Acquire => "release",
        PrimitiveOperation.Get => "put an item into",
        PrimitiveOperation.Put => "make room in",
        PrimitiveOperation.Join => "finish the items of",
        PrimitiveOperation.Delay => "fire the timer of",
        PrimitiveOperation.Wait when wait.PrimitiveKind == PrimitiveKind.Monitor => "pulse",
        _ => wait.PrimitiveKind.Family() switch
        {
            PrimitiveFamily.Event => "set",
            PrimitiveFamily.Condition => "notify",
            PrimitiveFamily.Barrier => "arrive at",
            _ => "wake",
        },
    };

    private IEnumerable<TaskIdentity> HoldersOf(in PrimitiveEvent wait) =>
        wait.Operation == PrimitiveOperation.Acquire && _holders.TryGetValue(StepDescriber.Primitive(wait), out var holding)
            ? holding.Select(h => h.Task)
            : [];

    /// <summary>
    /// The first cycle of waiting tasks, each waiting for what the next holds, from the task with the lowest
    /// id back to it ("task1, task2, task1"); empty when there is none.
    /// </summary>
    internal IReadOnlyList<TaskIdentity> Cycle()
    {
        foreach (var start in _waits.Keys.OrderBy(t => t.Id))
        {
            var path = new List<TaskIdentity> { start };
            var current = start;
            while (_waits.TryGetValue(current, out var wait) && HoldersOf(wait.Event).FirstOrDefault(h => h != current) is { Id: >= 0 } next)
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

        return [];
    }

    private void Apply(FindingStep step)
    {
        var e = step.Event;
        var primitive = StepDescriber.Primitive(e);
        if (e.CallerLine > 0)
        {
            _lastSteps[e.Task] = step;
        }

        if (e.Operation == PrimitiveOperation.Spawn)
        {
            _unfinishedParents[e.Counterpart] = e.Task;
        }
        else if (e.Operation == PrimitiveOperation.Finish)
        {
            _unfinishedParents.Remove(e.Task);
        }

        switch (e.Outcome)
        {
            case OperationOutcome.Blocked:
                _waits[e.Task] = step;
                break;
            case OperationOutcome.Resumed or OperationOutcome.Cancelled or OperationOutcome.Failed:
                _waits.Remove(e.Task);
                break;
        }

        if (e.Operation == PrimitiveOperation.Acquire && e.Outcome == OperationOutcome.Completed)
        {
            Holdings(primitive).Add(new Holder(e.Task, StepDescriber.Source(e)));
        }
        else if (e.Operation == PrimitiveOperation.Acquire && e.Outcome == OperationOutcome.Resumed)
        {
            // Handed over at the release (now the waiter's own acquire site is known), or, for a lock whose
            // release names no successor (a Monitor), taken now.
            var holdings = Holdings(primitive);
            var index = holdings.FindIndex(h => h.Task == e.Task);
            if (index >= 0)
            {
                holdings[index] = new Holder(e.Task, StepDescriber.Source(e));
            }
            else
            {
                holdings.Add(new Holder(e.Task, StepDescriber.Source(e)));
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
                holdings.Add(new Holder(e.Counterpart, string.Empty));
            }
        }
    }

    private List<Holder> Holdings(string primitive)
    {
        if (!_holders.TryGetValue(primitive, out var holdings))
        {
            holdings = [];
            _holders[primitive] = holdings;
        }

        return holdings;
    }

    private readonly record struct Holder(TaskIdentity Task, string Site);
}
