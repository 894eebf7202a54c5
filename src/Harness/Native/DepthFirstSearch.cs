using Interleave.Primitives.NativeEngine;

namespace Interleave.Harness.Native;

/// <summary>
/// A bounded exhaustive search (stateless model checking, as CHESS and loom do it): schedule after schedule,
/// each takes the choices of the last one up to its deepest step with an untried alternative, that
/// alternative, and from there the first choice at every new step, until no step of any schedule has an
/// alternative left. Every schedule within the preemption bound then ran, or one equivalent to it did, so a
/// run that ends with no bug proves there is none for this test within its step bound.
/// </summary>
/// <remarks>
/// <para>
/// A preemption is a switch away from the operation that reached the point and could go on; a switch after
/// an operation finished or paused is free. The first choice at a new step is that operation, so the first
/// schedule has no preemption and later ones add them one alternative at a time. Without a bound the search
/// deepens the bound pass by pass (iterative context bounding, as CHESS does): every schedule with no
/// preemption, then every one with one, and so on until a pass meets no step the bound cut short. Bugs that
/// need few preemptions, most of them, show early, where a plain depth-first walk would first try every
/// late preemption of the first schedule. Each pass re-runs the schedules of the passes before it, and only
/// its new ones, those with as many preemptions as its bound, count as distinct.
/// </para>
/// <para>
/// Asked to (<see cref="ExplorationOptions.SleepSets"/>), the deepening search prunes with sleep sets (Godefroid 1996, as CHESS and loom do): once a step's
/// alternative has been explored, its operation sleeps in the alternatives tried after it, and wakes when a
/// step it does not commute with (<see cref="NativeStep.CommutesWith"/>) runs; a sleeping operation is not
/// chosen, and a schedule whose every enabled operation sleeps stops there, as every way on is equivalent to
/// a schedule explored already. Two schedules that differ only in the order of adjacent commuting steps are
/// then never both run to the end: the last pass, which the bound cut nowhere, runs one schedule of each class
/// of equivalent ones, so it still reaches every deadlock and failure. A pass the bound cuts may miss one that
/// needs its bound of preemptions, since the schedule that would show it can be the one the sleep set skipped
/// for an equivalent with more preemptions (Coons, Musuvathi and McKinley, 2013); a later pass finds it. With
/// a bound given there is no later pass, so that search does not prune: it runs every schedule within it.
/// </para>
/// </remarks>
/// <param name="preemptionBound">The most preemptions a schedule may have; null to deepen the bound pass by pass.</param>
/// <param name="sleepSets">Whether the deepening search prunes with sleep sets.</param>
/// <param name="deepenBelow">Where the deepening search stops: it runs the passes of fewer preemptions only; null for no end.</param>
internal sealed partial class DepthFirstSearch(int? preemptionBound, bool sleepSets = false, int? deepenBelow = null)
{
    private readonly List<Decision> _path = [];
    private readonly bool _deepening = preemptionBound is null;
    private readonly bool _pruning = sleepSets && preemptionBound is null;
    private int _preemptionBound = preemptionBound ?? 0;
    private bool _boundCutShort;
    private Walk? _last;

    /// <summary>
    /// True once every schedule within the bound (below the deepening's end, when it has one) has run (or, pruning,
    /// one of each equivalent few).
    /// </summary>
    internal bool IsComplete { get; private set; }

    /// <summary>
    /// The distinct schedules run to their end so far: each counted once, however often a deepening pass re-ran
    /// it, and none the sleep sets stopped (<see cref="Pruned"/>).
    /// </summary>
    internal long DistinctSchedules { get; private set; }

    /// <summary>Where the last schedule stopped taking the steps it was given; null while the test repeats itself.</summary>
    internal string? Nondeterminism { get; private set; }

    /// <summary>
    /// True when the last schedule stopped at a step whose every enabled operation sleeps: its iteration ends
    /// as diverged, and the search goes on.
    /// </summary>
    internal bool Pruned => _last?.Pruned ?? false;

    /// <summary>The strategy of the next schedule: the current path, then first choices.</summary>
    internal INativeStrategy NextSchedule() => _last = new Walk(this);

    /// <summary>Moves the path to the next schedule after one ran; sets <see cref="IsComplete"/> when none is left.</summary>
    internal void Backtrack()
    {
        // A schedule the test cut short (an exception, a nondeterministic step) leaves the rest of the path unreached.
        var reached = _last?.Depth ?? 0;
        _path.RemoveRange(reached, _path.Count - reached);
        var preemptions = _path.Count == 0 ? 0 : _path[^1].PreemptionsAfter;
        if (!Pruned && (!_deepening || preemptions == _preemptionBound))
        {
            DistinctSchedules++;
        }

        // Whether a step created operations shows in the count at the step after it, or at the schedule's end.
        var createdAfter = _last?.OperationsCreated ?? 0;
        while (_path.Count > 0)
        {
            var last = _path[^1];
            if (last.Tried + 1 < last.Order.Length)
            {
                if (_pruning)
                {
                    last.Explored.Add(last.Taken(createdAfter));
                }

                last.Tried++;
                return;
            }

            createdAfter = last.CreatedBefore;
            _path.RemoveAt(_path.Count - 1);
        }

        if (_deepening && _boundCutShort && (deepenBelow is not { } end || _preemptionBound + 1 < end))
        {
            _preemptionBound++;
            _boundCutShort = false;
            return;
        }

        IsComplete = true;
    }

    /// <summary>
    /// One step of the path: the enabled operations' steps, the indices of those to try in order and how far
    /// along, and what sleeps there.
    /// </summary>
    private sealed class Decision(NativeStep[] enabled, int[] order, int current, int preemptionsBefore, int createdBefore, NativeStep[] sleeping)
    {
        /// <summary>The enabled operations, each with the primitive its next step is about.</summary>
        internal NativeStep[] Enabled { get; } = enabled;

        /// <summary>The indices in <see cref="Enabled"/> to try, in order: the awake ones the bound allows.</summary>
        internal int[] Order { get; } = order;

        internal int Tried { get; set; }

        /// <summary>The index of the operation that could go on, or -1.</summary>
        internal int Current { get; } = current;

        internal int PreemptionsBefore { get; } = preemptionsBefore;

        /// <summary>The iteration's operations created when the step was reached.</summary>
        internal int CreatedBefore { get; } = createdBefore;

        /// <summary>The steps asleep on arrival; their operations are not in <see cref="Order"/>.</summary>
        internal NativeStep[] Sleeping { get; } = sleeping;

        /// <summary>The steps of the alternatives tried and backtracked from, asleep in the ones tried after them.</summary>
        internal List<NativeStep> Explored { get; } = [];

        internal int Chosen => Order[Tried];

        internal int PreemptionsAfter => PreemptionsBefore + (Current >= 0 && Chosen != Current ? 1 : 0);

        /// <summary>The step taken here, given the operations created when the next step was reached.</summary>
        internal NativeStep Taken(int createdAfter) => Enabled[Chosen] with { Created = createdAfter > CreatedBefore };

        /// <summary>What sleeps at the step after this one: whatever sleeps or was explored here and commutes with the step taken.</summary>
        internal NativeStep[] SleepingAfter(int createdAfter)
        {
            var taken = Taken(createdAfter);
            return [.. Sleeping.Concat(Explored).Where(step => step.CommutesWith(taken))];
        }
    }
}
