using Interleave.Primitives.NativeEngine;

namespace Interleave.Harness.Native;

/// <summary>
/// Partial order sampling (POS; Yuan, Yang and Gu, CAV 2018): every pending step gets a random priority,
/// the highest-priority enabled step runs, and then the steps that race with it (here: the next steps of
/// other tasks on the same primitive) get new random priorities. Steps that do not race keep their order,
/// so each ordering of the racing steps is sampled with a fair chance, whatever the independent steps
/// around them do, where a uniform random walk favours the orders with more paths. Past the unfair bound it
/// chooses at random.
/// </summary>
internal sealed class PartialOrderSamplingStrategy(uint seed, int unfairSteps) : INativeStrategy
{
    private readonly Random _random = new(unchecked((int)seed));
    private readonly Dictionary<NativeOperation, double> _priorities = [];

    public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
    {
        if (step > unfairSteps)
        {
            return enabled.Count == 1 ? 0 : _random.Next(enabled.Count);
        }

        var chosen = 0;
        var highest = double.MinValue;
        for (var index = 0; index < enabled.Count; index++)
        {
            var operation = enabled[index];
            if (!_priorities.TryGetValue(operation, out var priority))
            {
                priority = _random.NextDouble();
                _priorities[operation] = priority;
            }

            if (priority > highest)
            {
                (chosen, highest) = (index, priority);
            }
        }

        // The chosen step runs: its operation's next step, and every step racing with this one, draw anew.
        var ran = enabled[chosen];
        _priorities.Remove(ran);
        if (ran.PendingResource is { } resource)
        {
            foreach (var operation in enabled)
            {
                if (operation.PendingResource == resource)
                {
                    _priorities.Remove(operation);
                }
            }
        }

        return chosen;
    }
}
