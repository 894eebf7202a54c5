using System.Globalization;
using Interleave.Primitives.NativeEngine;

namespace Interleave.Harness.Native;

/// <summary>
/// A bounded exhaustive search (stateless model checking, as CHESS and loom do it): schedule after schedule,
/// each takes the choices of the last one up to its deepest step with an untried alternative, that
/// alternative, and from there the first choice at every new step, until no step of any schedule has an
/// alternative left. Every schedule within the preemption bound then ran exactly once, so a run that ends
/// with no bug proves there is none for this test within its step bound.
/// </summary>
/// <remarks>
/// A preemption is a switch away from the operation that reached the point and could go on; a switch after
/// an operation finished or paused is free. The first choice at a new step is that operation, so the first
/// schedule has no preemption and later ones add them one alternative at a time. Without a bound the search
/// deepens the bound pass by pass (iterative context bounding, as CHESS does): every schedule with no
/// preemption, then every one with one, and so on until a pass meets no step the bound cut short. Bugs that
/// need few preemptions, most of them, show early, where a plain depth-first walk would first try every
/// late preemption of the first schedule. Each pass re-runs the schedules of the passes before it, and only
/// its new ones, those with as many preemptions as its bound, count as distinct.
/// </remarks>
internal sealed class DepthFirstSearch(int? preemptionBound)
{
    private readonly List<Decision> _path = [];
    private readonly bool _deepening = preemptionBound is null;
    private int _preemptionBound = preemptionBound ?? 0;
    private bool _boundCutShort;
    private Walk? _last;

    /// <summary>True once every schedule within the bound has run.</summary>
    internal bool IsComplete { get; private set; }

    /// <summary>The distinct schedules run so far: each counted once, however often a deepening pass re-ran it.</summary>
    internal long DistinctSchedules { get; private set; }

    /// <summary>Where the last schedule stopped taking the steps it was given; null while the test repeats itself.</summary>
    internal string? Nondeterminism { get; private set; }

    /// <summary>The strategy of the next schedule: the current path, then first choices.</summary>
    internal INativeStrategy NextSchedule() => _last = new Walk(this);

    /// <summary>Moves the path to the next schedule after one ran; sets <see cref="IsComplete"/> when none is left.</summary>
    internal void Backtrack()
    {
        // A schedule the test cut short (an exception, a nondeterministic step) leaves the rest of the path unreached.
        var reached = _last?.Depth ?? 0;
        _path.RemoveRange(reached, _path.Count - reached);
        var preemptions = _path.Count == 0 ? 0 : _path[^1].PreemptionsAfter;
        if (!_deepening || preemptions == _preemptionBound)
        {
            DistinctSchedules++;
        }

        while (_path.Count > 0)
        {
            var last = _path[^1];
            if (last.Tried + 1 < last.Order.Length)
            {
                _path[^1] = last with { Tried = last.Tried + 1 };
                return;
            }

            _path.RemoveAt(_path.Count - 1);
        }

        if (_deepening && _boundCutShort)
        {
            _preemptionBound++;
            _boundCutShort = false;
            return;
        }

        IsComplete = true;
    }

    // One step of the path: the enabled operations' indices in the order they are tried, and how far along.
    private readonly record struct Decision(int[] Order, int Tried, int Enabled, int Current, int PreemptionsBefore)
    {
        internal int Chosen => Order[Tried];

        internal int PreemptionsAfter => PreemptionsBefore + (Current >= 0 && Chosen != Current ? 1 : 0);
    }

    private sealed class Walk(DepthFirstSearch search) : INativeStrategy
    {
        private int _depth;

        internal int Depth => _depth;

        public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
        {
            var path = search._path;
            var currentIndex = current is null ? -1 : IndexOf(enabled, current);
            if (_depth < path.Count)
            {
                var decision = path[_depth];
                if (decision.Enabled != enabled.Count || decision.Current != currentIndex)
                {
                    search.Nondeterminism = string.Create(
                        CultureInfo.InvariantCulture,
                        $"at step {step} the same choices as before left {enabled.Count} operations enabled where there were {decision.Enabled}");
                    return -1;
                }

                _depth++;
                return decision.Chosen;
            }

            var preemptions = _depth == 0 ? 0 : path[_depth - 1].PreemptionsAfter;
            var next = new Decision(Order(enabled.Count, currentIndex, preemptions), 0, enabled.Count, currentIndex, preemptions);
            path.Add(next);
            _depth++;
            return next.Chosen;
        }

        private static int IndexOf(IReadOnlyList<NativeOperation> enabled, NativeOperation operation)
        {
            for (var index = 0; index < enabled.Count; index++)
            {
                if (enabled[index] == operation)
                {
                    return index;
                }
            }

            return -1;
        }

        // The operation that can go on first, then the others in creation order, while the bound allows a preemption.
        private int[] Order(int count, int current, int preemptions)
        {
            if (current < 0)
            {
                return [.. Enumerable.Range(0, count)];
            }

            if (preemptions < search._preemptionBound)
            {
                return [current, .. Enumerable.Range(0, count).Where(index => index != current)];
            }

            search._boundCutShort |= count > 1;
            return [current];
        }
    }
}
