using Interleave.Primitives.Instrumentation;

namespace Interleave.Tests.Property;

/// <summary>
/// The brute-force oracle the race detector is checked against: an explicit happens-before graph over one
/// schedule's events (program order; a task's start before its first step and its end before its starter's
/// next step; every release-like event before every later acquire-like event on the same primitive), searched
/// edge by edge from each earlier conflicting access. Written out apart from the detector's own tables, on purpose.
/// </summary>
internal static class HappensBeforeOracle
{
    /// <summary>The index of the first access that races with an earlier one, or -1 when none does.</summary>
    internal static int FirstRace(IReadOnlyList<PrimitiveEvent> events)
    {
        var edges = Edges(events);
        for (var b = 0; b < events.Count; b++)
        {
            for (var a = 0; a < b; a++)
            {
                if (Conflict(events[a], events[b]) && !Reaches(edges, a, b))
                {
                    return b;
                }
            }
        }

        return -1;
    }

    private static List<List<int>> Edges(IReadOnlyList<PrimitiveEvent> events)
    {
        var starters = new Dictionary<TaskIdentity, TaskIdentity>();
        var edges = events.Select(_ => new List<int>()).ToList();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            AddNext(edges[i], events, i, e.Task);
            if (e.Operation == PrimitiveOperation.Spawn)
            {
                starters[e.Counterpart] = e.Task;
                AddNext(edges[i], events, i, e.Counterpart);
            }

            if (e.Operation == PrimitiveOperation.Finish)
            {
                AddNext(edges[i], events, i, starters.GetValueOrDefault(e.Task, TaskIdentity.Root));
            }

            if (IsRelease(e))
            {
                for (var j = i + 1; j < events.Count; j++)
                {
                    if (IsAcquire(events[j]) && events[j].PrimitiveKind == e.PrimitiveKind && events[j].PrimitiveName == e.PrimitiveName)
                    {
                        edges[i].Add(j);
                    }
                }
            }
        }

        return edges;
    }

    private static void AddNext(List<int> edges, IReadOnlyList<PrimitiveEvent> events, int after, TaskIdentity task)
    {
        for (var j = after + 1; j < events.Count; j++)
        {
            if (events[j].Task == task)
            {
                edges.Add(j);
                return;
            }
        }
    }

    private static bool Succeeded(PrimitiveEvent e) => e.Outcome is OperationOutcome.Completed or OperationOutcome.Resumed;

    // Releases, sets, notifications, task-done and shutdown that happened; puts that went in; barrier arrivals.
    private static bool IsRelease(PrimitiveEvent e) => e.Operation switch
    {
        PrimitiveOperation.Release or PrimitiveOperation.Set or PrimitiveOperation.Notify or PrimitiveOperation.TaskDone
            or PrimitiveOperation.Shutdown => e.Outcome == OperationOutcome.Completed,
        PrimitiveOperation.Put => Succeeded(e),
        PrimitiveOperation.Wait => e.PrimitiveKind == PrimitiveKind.AsyncBarrier && e.Outcome is OperationOutcome.Blocked or OperationOutcome.Completed,
        _ => false,
    };

    // Acquires, joins and waits that returned; gets that returned an item or found the queue shut down.
    private static bool IsAcquire(PrimitiveEvent e) => e.Operation switch
    {
        PrimitiveOperation.Acquire or PrimitiveOperation.Join or PrimitiveOperation.Wait => Succeeded(e),
        PrimitiveOperation.Get => Succeeded(e) || e.Outcome == OperationOutcome.Failed,
        _ => false,
    };

    private static bool Conflict(PrimitiveEvent a, PrimitiveEvent b) =>
        a.PrimitiveKind == PrimitiveKind.Shared && b.PrimitiveKind == PrimitiveKind.Shared && a.PrimitiveName == b.PrimitiveName
        && a.Task != b.Task
        && (a.Operation == PrimitiveOperation.Write || b.Operation == PrimitiveOperation.Write);

    private static bool Reaches(List<List<int>> edges, int from, int to)
    {
        var seen = new HashSet<int> { from };
        var pending = new Stack<int>([from]);
        while (pending.TryPop(out var node))
        {
            foreach (var next in edges[node])
            {
                if (next == to)
                {
                    return true;
                }

                if (next < to && seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }
}
