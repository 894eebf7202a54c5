using Interleave.Primitives.NativeEngine;

namespace Interleave.Tests.Property.Exhaustive;

/// <summary>
/// Runs another native strategy and records the step each of its choices starts: the operation, the primitive
/// named at its point, and (from the operations the iteration had created at the next step) whether it
/// created operations.
/// </summary>
/// <param name="inner">The strategy that chooses.</param>
internal sealed class StepRecorder(INativeStrategy inner) : INativeStrategy
{
    private readonly List<(int Operation, string? Resource, int CreatedBefore)> _chosen = [];

    /// <inheritdoc/>
    public int Choose(IReadOnlyList<NativeOperation> enabled, NativeOperation? current, int step)
    {
        var choice = inner.Choose(enabled, current, step);
        if (choice >= 0)
        {
            _chosen.Add((enabled[choice].Id, enabled[choice].PendingResource, enabled[0].Iteration.OperationsCreated));
        }

        return choice;
    }

    /// <summary>The steps chosen, given the operations the iteration created in all.</summary>
    /// <param name="created">The iteration's <see cref="NativeIteration.OperationsCreated"/> once it ended.</param>
    /// <returns>The steps, in the order they ran.</returns>
    internal List<ScheduleTree.Step> Steps(int created) =>
        [.. _chosen.Select((chosen, index) => new ScheduleTree.Step(
            chosen.Operation,
            chosen.Resource,
            (index + 1 < _chosen.Count ? _chosen[index + 1].CreatedBefore : created) > chosen.CreatedBefore))];
}
