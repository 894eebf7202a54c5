using Interleave.Primitives.NativeEngine;

namespace Interleave.Harness.Native;

/// <summary>
/// PCT (Burckhardt et al., ASPLOS 2010) as Coyote's fair <c>prioritization</c>: every task gets a random
/// priority when the scheduler first meets it, the highest-priority enabled task runs, and at up to
/// <c>bound</c> steps chosen at random among the schedule's expected length that task drops to the lowest
/// priority. Past the unfair bound it chooses at random, so a task that waits for another always gets to run.
/// </summary>
internal sealed class PrioritizationStrategy : INativeStrategy
{
    private readonly Random _random;
    private readonly int _unfairSteps;
    private readonly HashSet<int> _changePoints = [];
    private readonly List<int> _priorities = [];
    private int _contested;

    /// <param name="seed">Seeds every random choice.</param>
    /// <param name="bound">The most priority changes of the schedule.</param>
    /// <param name="expectedSteps">How many contested steps the schedule is expected to take (the longest so far); 0 for no changes.</param>
    /// <param name="unfairSteps">The steps after which the choice is random.</param>
    internal PrioritizationStrategy(uint seed, int bound, int expectedSteps, int unfairSteps)
    {
        _random = new Random(unchecked((int)seed));
        _unfairSteps = unfairSteps;
        if (expectedSteps > 0 && bound > 0)
        {
            var changes = _random.Next(bound) + 1;
            while (_changePoints.Count < Math.Min(changes, expectedSteps))
            {
                _changePoints.Add(_random.Next(expectedSteps));
            }
        }
    }

    public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
    {
        if (enabled.Count == 1)
        {
            return 0;
        }

        if (step > _unfairSteps)
        {
            return _random.Next(enabled.Count);
        }

        foreach (var operation in enabled)
        {
            var key = Key(operation);
            if (!_priorities.Contains(key))
            {
                _priorities.Insert(_random.Next(_priorities.Count + 1), key);
            }
        }

        if (_changePoints.Contains(_contested++))
        {
            var highest = Highest(enabled);
            _priorities.Remove(highest);
            _priorities.Add(highest);
        }

        // Several operations of the highest task (a continuation not yet run beside one at a point): any of them.
        var chosen = Highest(enabled);
        var candidates = 0;
        foreach (var operation in enabled)
        {
            candidates += Key(operation) == chosen ? 1 : 0;
        }

        var pick = _random.Next(candidates);
        for (var index = 0; index < enabled.Count; index++)
        {
            if (Key(enabled[index]) == chosen && pick-- == 0)
            {
                return index;
            }
        }

        return -1;
    }

    // A task by its identity once known; a fresh operation, whose task is not known yet, counts as its own.
    private static int Key(NativeOperation operation) => operation.Task is { } task ? task.Id : -operation.Id;

    private int Highest(IReadOnlyList<NativeOperation> enabled)
    {
        foreach (var key in _priorities)
        {
            foreach (var operation in enabled)
            {
                if (Key(operation) == key)
                {
                    return key;
                }
            }
        }

        return Key(enabled[0]);
    }
}
