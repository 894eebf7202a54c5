namespace Interleave.Harness.Native;

/// <summary>
/// What the selectively uniform walk knows of a test from its earlier schedules: how many steps each task
/// took on each primitive. A search keeps one for all its schedules; each schedule's walk reads the counts
/// of the schedules before it and adds its own.
/// </summary>
internal sealed class UniformWalkEstimates
{
    private Dictionary<(string Task, string Resource), int> _known = [];
    private Dictionary<(string Task, string Resource), int> _current = [];

    /// <summary>What steps about no primitive (a task's first, a continuation's) are counted under.</summary>
    internal const string NoPrimitive = "";

    /// <summary>The primitives the earlier schedules touched, in the order they were first seen.</summary>
    internal List<string> Resources { get; } = [];

    /// <summary>Starts a schedule: what the last one counted becomes known, over what earlier ones did.</summary>
    internal void StartSchedule()
    {
        foreach (var (key, steps) in _current)
        {
            _known[key] = steps;
        }

        _current = [];
    }

    /// <summary>Counts a step of <paramref name="task"/> on <paramref name="resource"/> in this schedule.</summary>
    internal void Record(string task, string resource)
    {
        var key = (task, resource);
        _current[key] = _current.GetValueOrDefault(key) + 1;
        if (resource != NoPrimitive && !_known.ContainsKey(key) && !Resources.Contains(resource))
        {
            Resources.Add(resource);
        }
    }

    /// <summary>
    /// The steps each task is expected to take on <paramref name="resource"/> (on every primitive when null) in
    /// a whole schedule, from what the earlier schedules counted, and for a task none of them saw, the mean.
    /// </summary>
    internal (Dictionary<string, int> ByTask, double Unseen) Expected(string? resource)
    {
        var byTask = new Dictionary<string, int>();
        foreach (var ((task, onResource), steps) in _known)
        {
            if (resource is null || onResource == resource)
            {
                byTask[task] = byTask.GetValueOrDefault(task) + steps;
            }
        }

        return (byTask, byTask.Count == 0 ? 0 : byTask.Values.Average());
    }
}
