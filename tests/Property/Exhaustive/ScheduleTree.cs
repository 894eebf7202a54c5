using Interleave.Primitives.NativeEngine;

namespace Interleave.Tests.Property.Exhaustive;

/// <summary>
/// Counts the schedules of a test on the native engine without the harness's exhaustive search: it walks
/// the tree of choices recursively, re-running the test along each node's path of choices to learn what
/// that node offers, and counts the leaves (the schedules), with at most a bound of preemptions.
/// </summary>
/// <remarks>
/// A preemption, as the search counts it: at a step where the operation that reached the point could go on,
/// choosing another. Steps with one enabled operation are no choice, so the path holds only the steps with two or more.
/// </remarks>
internal static class ScheduleTree
{
    private const int StepBound = 100_000;

    /// <summary>The number of distinct schedules of <paramref name="test"/> with at most <paramref name="preemptionBound"/> preemptions.</summary>
    internal static long CountSchedules(Func<Task> test, int? preemptionBound)
    {
        var bound = preemptionBound ?? int.MaxValue;
        return Count([], preemptions: 0);

        long Count(IReadOnlyList<int> path, int preemptions)
        {
            var probe = new Probe(path);
            new NativeIteration(probe, StepBound).Run(test, TimeSpan.FromSeconds(5));
            if (probe.Branch is not var (enabled, current))
            {
                return 1;
            }

            long schedules = 0;
            for (var choice = 0; choice < enabled; choice++)
            {
                var preempts = current >= 0 && choice != current;
                if (!preempts || preemptions < bound)
                {
                    schedules += Count([.. path, choice], preemptions + (preempts ? 1 : 0));
                }
            }

            return schedules;
        }
    }

    // Takes the path's choices at the steps with a choice, and stops the schedule at the first step past it.
    private sealed class Probe(IReadOnlyList<int> path) : INativeStrategy
    {
        private int _taken;

        /// <summary>The enabled operations and the index of the one that could go on (-1 for none) at the step past the path; null when the schedule ended first.</summary>
        internal (int Enabled, int Current)? Branch { get; private set; }

        public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
        {
            if (enabled.Count == 1)
            {
                return 0;
            }

            if (_taken < path.Count)
            {
                return path[_taken++];
            }

            Branch = (enabled.Count, current is null ? -1 : enabled.ToList().IndexOf(current));
            return -1;
        }
    }
}
