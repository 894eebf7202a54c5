namespace Interleave.Tests.Property.Linearizability;

/// <summary>What <see cref="LinearizabilityChecker"/> found about a history.</summary>
/// <param name="IsLinearizable">True when some order of the operations fits both real time and the model.</param>
/// <param name="Order">
/// When linearizable, the operations (indices into the history) in an order that fits; otherwise the longest
/// prefix of an order that the search could fit, which ends just before the operation no model state explains.
/// </param>
/// <param name="StatesVisited">Distinct (linearized set, model state) pairs the search expanded: a measure of its work.</param>
internal sealed record LinearizabilityVerdict(bool IsLinearizable, IReadOnlyList<int> Order, int StatesVisited);
