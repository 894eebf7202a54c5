namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// One operation of one primitive, as reported to an <see cref="IPrimitiveObserver"/>: which task did what
/// to which primitive, how it ended, and where in the caller's source it happened.
/// </summary>
/// <param name="PrimitiveKind">The primitive's type, e.g. <see cref="PrimitiveKind.AsyncLock"/>.</param>
/// <param name="PrimitiveName">The primitive's name: given to its constructor, else type and number.</param>
/// <param name="Operation">The operation performed.</param>
/// <param name="Outcome">How the operation ended.</param>
/// <param name="Task">The task that performed it.</param>
/// <param name="Value">An operation-specific number: permits left, waiters woken, barrier index, queue length; -1 when none.</param>
/// <param name="Counterpart">The task on the other side when there is one (the holder a task waits for, the waiter a release woke), else <see cref="TaskIdentity.None"/>.</param>
/// <param name="CallerFile">Source file of the call, from <c>[CallerFilePath]</c>; empty when unknown.</param>
/// <param name="CallerLine">Source line of the call, from <c>[CallerLineNumber]</c>; 0 when unknown.</param>
public readonly record struct PrimitiveEvent(
    PrimitiveKind PrimitiveKind,
    string PrimitiveName,
    PrimitiveOperation Operation,
    OperationOutcome Outcome,
    TaskIdentity Task,
    long Value,
    TaskIdentity Counterpart,
    string CallerFile,
    int CallerLine);
