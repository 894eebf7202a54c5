namespace Interleave.Harness.Native;

/// <summary>
/// One step of a native schedule as the exhaustive search's sleep sets see it: the operation that took it, the
/// primitive named at the point it started from, and whether it created operations (started a task, posted a
/// continuation, paused).
/// </summary>
/// <param name="Operation">The operation's number in its iteration.</param>
/// <param name="Resource">The primitive named at the point (<c>NativeOperation.PendingResource</c>); null for none or a fresh operation.</param>
/// <param name="Created">True when the step created an operation.</param>
internal readonly record struct NativeStep(int Operation, string? Resource, bool Created)
{
    /// <summary>
    /// True when the two steps give the same state in either order, so a search need run only one of the orders:
    /// steps of different operations, each about a named primitive and not the same one, not both creating
    /// operations.
    /// </summary>
    /// <remarks>
    /// Between two points an operation touches only the primitive named at the first (a primitive names its
    /// point itself, every instance differently; <c>Shared&lt;T&gt;</c> cells too) and its own state; a step about no
    /// primitive (a fresh operation, a yield, a rewritten field, a task started) may touch anything. Neither step
    /// can disable the other: an operation stopped at a point stays enabled. A step that creates an operation (a
    /// continuation posted, a task started, a pause) adds one that has not run, so it changes nothing the other
    /// step reads, and numbers it after every operation created before: the same number in either order unless
    /// the other step creates one too, when the two orders would number them the other way round. That a step
    /// enables or disables a third operation (a paused one whose condition reads the primitive) is the same in
    /// either order, since both end in the same state. State tasks share outside the primitives (a plain field, a
    /// <see cref="CancellationTokenSource"/> one task cancels while another's primitive checks its token) is
    /// invisible to this rule: a test that shares such state should give a preemption bound, which turns the
    /// pruning off.
    /// </remarks>
    /// <param name="other">The other step.</param>
    /// <returns>True when the steps commute.</returns>
    internal bool CommutesWith(NativeStep other) =>
        Operation != other.Operation
        && Resource is not null
        && other.Resource is not null
        && !string.Equals(Resource, other.Resource, StringComparison.Ordinal)
        && !(Created && other.Created);
}
