using System.Globalization;
using Interleave.Primitives.NativeEngine;

namespace Interleave.Harness.Native;

internal sealed partial class DepthFirstSearch
{
    // The strategy of one schedule of the search: the path's choices, then the first awake choice at every new step.
    private sealed class Walk(DepthFirstSearch search) : INativeStrategy
    {
        private NativeIteration? _iteration;

        /// <summary>How many steps of the path the schedule reached.</summary>
        internal int Depth { get; private set; }

        /// <summary>True when the schedule stopped at a step whose every enabled operation sleeps.</summary>
        internal bool Pruned { get; private set; }

        /// <summary>The operations the schedule created, read once it ended.</summary>
        internal int OperationsCreated => _iteration?.OperationsCreated ?? 0;

        public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
        {
            var path = search._path;
            _iteration = enabled[0].Iteration;
            var created = _iteration.OperationsCreated;
            var currentIndex = current is null ? -1 : IndexOf(enabled, current);
            if (Depth < path.Count)
            {
                var decision = path[Depth];
                if (decision.Enabled.Length != enabled.Count || decision.Current != currentIndex || decision.CreatedBefore != created)
                {
                    search.Nondeterminism = decision.CreatedBefore == created
                        ? string.Create(CultureInfo.InvariantCulture, $"at step {step} the same choices as before left {enabled.Count} operations enabled where there were {decision.Enabled.Length}")
                        : string.Create(CultureInfo.InvariantCulture, $"at step {step} the same choices as before had created {created} operations where there were {decision.CreatedBefore}");
                    return -1;
                }

                Depth++;
                return decision.Chosen;
            }

            var parent = Depth == 0 ? null : path[Depth - 1];
            var preemptions = parent?.PreemptionsAfter ?? 0;
            var sleeping = search._pruning && parent is not null ? parent.SleepingAfter(created) : [];
            var steps = enabled.Select(operation => new NativeStep(operation.Id, operation.PendingResource, Created: false)).ToArray();
            var order = Order(steps, currentIndex, preemptions, sleeping);
            if (order.Length == 0)
            {
                Pruned = true;
                return -1;
            }

            path.Add(new Decision(steps, order, currentIndex, preemptions, created, sleeping));
            Depth++;
            return order[0];
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

        // The awake operations: the one that can go on first, then the others in creation order, while the bound allows a preemption.
        private int[] Order(NativeStep[] steps, int current, int preemptions, NativeStep[] sleeping)
        {
            var awake = Enumerable.Range(0, steps.Length).Where(index => !Array.Exists(sleeping, asleep => asleep.Operation == steps[index].Operation)).ToArray();
            if (current < 0)
            {
                return awake;
            }

            int[] first = awake.Contains(current) ? [current] : [];
            var others = awake.Where(index => index != current).ToArray();
            if (preemptions < search._preemptionBound)
            {
                return [.. first, .. others];
            }

            search._boundCutShort |= others.Length > 0;
            return first;
        }
    }
}
