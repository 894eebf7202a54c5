namespace Interleave.Harness.Races;

/// <summary>A vector clock over task ids: for each task, how many of its steps are known to have happened.</summary>
internal sealed class VectorClock
{
    private readonly Dictionary<int, int> _entries;

    internal VectorClock()
        : this([])
    {
    }

    private VectorClock(Dictionary<int, int> entries) => _entries = entries;

    internal int this[int task] => _entries.GetValueOrDefault(task);

    /// <summary>Counts one more step of <paramref name="task"/>.</summary>
    internal void Tick(int task) => _entries[task] = this[task] + 1;

    /// <summary>Takes in everything <paramref name="other"/> knows (the pointwise maximum).</summary>
    internal void Join(VectorClock other)
    {
        foreach (var (task, steps) in other._entries)
        {
            if (steps > this[task])
            {
                _entries[task] = steps;
            }
        }
    }

    internal VectorClock Copy() => new(new Dictionary<int, int>(_entries));
}
