namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// The sequential model a concurrent object must look like: a state and the effect of each operation on it.
/// </summary>
/// <typeparam name="TState">The model's state; compared with <see cref="EqualityComparer{T}.Default"/> to memoise the search, so it needs value equality.</typeparam>
/// <typeparam name="TOperation">What a caller can do.</typeparam>
/// <typeparam name="TResult">What a caller observes.</typeparam>
internal interface ISequentialSpecification<TState, TOperation, TResult>
{
    /// <summary>The state before any operation.</summary>
    TState InitialState { get; }

    /// <summary>
    /// The effect of <paramref name="operation"/> in <paramref name="state"/>: the next state and the result a
    /// caller sees; null when the operation cannot take effect in this state (a blocking operation that would
    /// wait there, such as a get on an empty queue).
    /// </summary>
    (TState State, TResult Result)? Apply(TState state, TOperation operation);
}
