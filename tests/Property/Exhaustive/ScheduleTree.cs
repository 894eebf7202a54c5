using Interleave.Primitives.NativeEngine;

namespace Interleave.Tests.Property.Exhaustive;

/// <summary>
/// Counts the schedules of a test on the native engine without the harness's exhaustive search: it walks
/// the tree of choices recursively, re-running the test along each node's path of choices to learn what
/// that node offers, and counts the leaves (the schedules), with at most a bound of preemptions; or it
/// sorts the leaves into classes of equivalent schedules by a normal form of each.
/// </summary>
/// <remarks>
/// <para>
/// A preemption, as the search counts it: at a step where the operation that reached the point could go on,
/// choosing another. Steps with one enabled operation are no choice, so the path holds only the steps with two or more.
/// </para>
/// <para>
/// Two schedules are equivalent (the same Mazurkiewicz trace) when swapping adjacent independent steps turns
/// one into the other. Steps are independent here under the rule the search's sleep sets use, restated on its
/// own: of different operations, each about a named primitive and not the same one, not both creating
/// operations. The normal form of a schedule is the least equivalent one, comparing steps by operation number:
/// step by step, the lowest-numbered operation whose next step depends on no step left before it.
/// </para>
/// </remarks>
internal static class ScheduleTree
{
    private const int StepBound = 100_000;

    /// <summary>The number of distinct schedules of <paramref name="test"/> with at most <paramref name="preemptionBound"/> preemptions.</summary>
    internal static long CountSchedules(Func<Task> test, int? preemptionBound)
    {
        long schedules = 0;
        Walk(test, preemptionBound ?? int.MaxValue, _ => schedules++);
        return schedules;
    }

    /// <summary>The normal forms of the schedules of <paramref name="test"/>: one for each class of equivalent schedules.</summary>
    internal static IReadOnlySet<string> ScheduleClasses(Func<Task> test)
    {
        var classes = new HashSet<string>(StringComparer.Ordinal);
        Walk(test, int.MaxValue, steps => classes.Add(NormalForm(steps)));
        return classes;
    }

    /// <summary>The normal form of a schedule's steps: the least equivalent sequence, written one step a word.</summary>
    internal static string NormalForm(IReadOnlyList<Step> steps)
    {
        var left = steps.ToList();
        var form = new List<Step>(left.Count);
        while (left.Count > 0)
        {
            // A step can come first when it is independent of every step before it.
            var first = Enumerable.Range(0, left.Count)
                .Where(index => left.Take(index).All(before => Independent(before, left[index])))
                .MinBy(index => left[index].Operation);
            form.Add(left[first]);
            left.RemoveAt(first);
        }

        return string.Join(' ', form.Select(step => $"{step.Operation}:{step.Resource ?? "-"}{(step.Created ? "+" : string.Empty)}"));
    }

    private static bool Independent(Step one, Step other) =>
        one.Operation != other.Operation
        && one.Resource is { } resource
        && other.Resource is { } otherResource
        && resource != otherResource
        && !(one.Created && other.Created);

    // Visits every leaf within the bound with the steps of its schedule.
    private static void Walk(Func<Task> test, int bound, Action<IReadOnlyList<Step>> leaf)
    {
        Visit([], preemptions: 0);

        void Visit(IReadOnlyList<int> path, int preemptions)
        {
            var probe = new Probe(path);
            var recorder = new StepRecorder(probe);
            var iteration = new NativeIteration(recorder, StepBound);
            iteration.Run(test, TimeSpan.FromSeconds(5));
            if (probe.Branch is not var (enabled, current))
            {
                leaf(recorder.Steps(iteration.OperationsCreated));
                return;
            }

            for (var choice = 0; choice < enabled; choice++)
            {
                var preempts = current >= 0 && choice != current;
                if (!preempts || preemptions < bound)
                {
                    Visit([.. path, choice], preemptions + (preempts ? 1 : 0));
                }
            }
        }
    }

    /// <summary>One step of a schedule: the operation chosen, the primitive named at its point, whether it created operations.</summary>
    /// <param name="Operation">The operation's number.</param>
    /// <param name="Resource">The primitive named at its point, or null.</param>
    /// <param name="Created">True when the step created an operation.</param>
    internal readonly record struct Step(int Operation, string? Resource, bool Created);

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
