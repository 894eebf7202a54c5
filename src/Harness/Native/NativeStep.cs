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
    /// steps of different operations, each about a named primitive and not the same one, neither creating an
    /// operation. Between two points an operation touches only the primitive named at the first (a primitive
    /// names its point itself, every instance differently; <c>Shared&lt;T&gt;</c> cells too) and its own state. A
    /// step about no primitive (a fresh operation, a yield, a rewritten field, a task started) may touch anything.
    /// A step that creates an operation numbers it, and two such steps would number them the other way round.
    /// </summary>
    /// <param name="other">The other step.</param>
    /// <returns>True when the steps commute.</returns>
    internal bool CommutesWith(NativeStep other) =>
        Operation != other.Operation
        && Resource is not null
        && other.Resource is not null
        && !string.Equals(Resource, other.Resource, StringComparison.Ordinal)
        && !Created
        && !other.Created;
}
