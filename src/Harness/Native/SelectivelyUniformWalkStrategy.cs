using Interleave.Primitives.NativeEngine;

namespace Interleave.Harness.Native;

/// <summary>
/// A selectively uniform random walk (after SURW: Zhao, Wolff, Mathur and Roychoudhury, ASPLOS 2025). A
/// uniform walk picks each enabled task with the same chance, so a task with few steps left almost always
/// runs early, and the orders where it runs late, among many steps of the others, are all but never
/// sampled. Choosing each task instead in proportion to the steps it has left samples every interleaving
/// with the same chance. The walk does that for the steps on one primitive drawn for the schedule (every
/// primitive, now and then), so that the orders of the steps that can conflict are the ones sampled evenly.
/// </summary>
/// <remarks>
/// The steps a task has left come from the schedules before this one (<see cref="UniformWalkEstimates"/>);
/// the first schedule, which knows none, is a uniform walk. A continuation that has not run yet belongs to a
/// task the scheduler cannot see, and weighs the mean of the others; its step counts for its task once it
/// reaches a point. A task drawn runs on until its step on the selected primitive (or until it cannot go on),
/// so that the draws, and the weights, fall on those steps alone. Every operation keeps a chance at every step (a weight of at least one), so every
/// schedule stays possible; past the unfair bound the choice is uniform.
/// </remarks>
internal sealed class SelectivelyUniformWalkStrategy : INativeStrategy
{
    private readonly Random _random;
    private readonly UniformWalkEstimates _estimates;
    private readonly int _unfairSteps;
    private readonly string? _selected;
    private readonly Dictionary<string, int> _expected;
    private readonly double _unseen;
    private readonly Dictionary<string, int> _taken = [];
    private readonly List<double> _weights = [];
    private NativeOperation? _lastFresh;
    private string? _committed;

    /// <param name="seed">Seeds every random choice.</param>
    /// <param name="estimates">The steps counted in the search's earlier schedules; this one adds its own.</param>
    /// <param name="unfairSteps">The steps after which the choice is uniform.</param>
    internal SelectivelyUniformWalkStrategy(uint seed, UniformWalkEstimates estimates, int unfairSteps)
    {
        _random = new Random(unchecked((int)seed));
        _estimates = estimates;
        _unfairSteps = unfairSteps;
        estimates.StartSchedule();

        // One draw in as many as there are primitives, plus one, weighs the steps on all of them.
        var resources = estimates.Resources;
        var draw = _random.Next(resources.Count + 1);
        _selected = draw < resources.Count ? resources[draw] : null;
        (_expected, _unseen) = estimates.Expected(_selected);
    }

    public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
    {
        // A fresh operation's task shows at its first point: count the step it took then.
        if (_lastFresh is { Task: { } fresh })
        {
            Count(fresh.Name, resource: null);
        }

        var chosen = enabled.Count == 1 ? 0 : step > _unfairSteps ? _random.Next(enabled.Count) : Committed(enabled) ?? Weighted(enabled);
        var operation = enabled[chosen];
        _lastFresh = operation.Task is null ? operation : null;
        _committed = operation is { Task: { } drawn, PendingResource: var resource } && _selected is not null && resource != _selected
            ? drawn.Name
            : null;
        if (operation.Task is { } task)
        {
            Count(task.Name, operation.PendingResource);
        }

        return chosen;
    }

    // The task drawn last goes on until its step on the selected primitive, so that its weight decides where that
    // step falls, not how often it gets a turn among the other tasks' steps on other primitives; when it cannot
    // go on (it waits, or its next step is a continuation not yet run) the walk draws again.
    private int? Committed(IReadOnlyList<NativeOperation> enabled)
    {
        if (_committed is null)
        {
            return null;
        }

        for (var index = 0; index < enabled.Count; index++)
        {
            if (enabled[index].Task?.Name == _committed)
            {
                return index;
            }
        }

        return null;
    }

    private void Count(string task, string? resource)
    {
        _estimates.Record(task, resource ?? UniformWalkEstimates.NoPrimitive);
        if (_selected is null || resource == _selected)
        {
            _taken[task] = _taken.GetValueOrDefault(task) + 1;
        }
    }

    // Each operation weighs the steps its task has left; one whose task is not known yet (a continuation that
    // has not run) weighs the mean of the others.
    private int Weighted(IReadOnlyList<NativeOperation> enabled)
    {
        _weights.Clear();
        double known = 0;
        var knownCount = 0;
        foreach (var operation in enabled)
        {
            var weight = operation.Task is { } task ? Math.Max(1, StepsLeft(task.Name)) : 0;
            _weights.Add(weight);
            (known, knownCount) = weight > 0 ? (known + weight, knownCount + 1) : (known, knownCount);
        }

        var unknownWeight = knownCount == 0 ? 1 : known / knownCount;
        double total = 0;
        for (var index = 0; index < _weights.Count; index++)
        {
            _weights[index] = _weights[index] > 0 ? _weights[index] : unknownWeight;
            total += _weights[index];
        }

        var pick = _random.NextDouble() * total;
        for (var index = 0; index < enabled.Count - 1; index++)
        {
            pick -= _weights[index];
            if (pick < 0)
            {
                return index;
            }
        }

        return enabled.Count - 1;
    }

    private double StepsLeft(string task) =>
        (_expected.TryGetValue(task, out var expected) ? expected : _unseen) - _taken.GetValueOrDefault(task);
}
