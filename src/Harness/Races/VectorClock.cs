namespace Interleave.Harness.Races;

/// <summary>
/// A vector clock over one schedule's tasks, each by its slot in <see cref="HappensBefore"/> (0, 1, 2, ... in
/// order of appearance): for each task, how many of its steps are known to have happened.
/// </summary>
/// <remarks>
/// An array, not a map from task id: a schedule has a handful of tasks, and the detectors join and copy
/// clocks at most events, each iteration on fresh clocks.
/// </remarks>
internal sealed class VectorClock
{
    private const int InitialTasks = 8;
    private int[] _entries;

    internal VectorClock()
        : this(new int[InitialTasks])
    {
    }

    private VectorClock(int[] entries) => _entries = entries;

    internal int this[int slot] => slot < _entries.Length ? _entries[slot] : 0;

    /// <summary>Counts one more step of the task in <paramref name="slot"/>.</summary>
    internal void Tick(int slot)
    {
        EnsureLength(slot + 1);
        _entries[slot]++;
    }

    /// <summary>Takes in everything <paramref name="other"/> knows (the pointwise maximum).</summary>
    internal void Join(VectorClock other)
    {
        var theirs = other._entries;
        EnsureLength(theirs.Length);
        var mine = _entries;
        for (var slot = 0; slot < theirs.Length; slot++)
        {
            if (theirs[slot] > mine[slot])
            {
                mine[slot] = theirs[slot];
            }
        }
    }

    internal VectorClock Copy() => new((int[])_entries.Clone());

    private void EnsureLength(int length)
    {
        if (length > _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(length, _entries.Length * 2));
        }
    }
}
